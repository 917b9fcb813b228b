#!/usr/bin/env python3
"""How many false places a naive gazetteer match gives, and how many depeche's rules remove.

    python3 tools/measure-places.py [--eval DIR] [--bin target/release/depeche] [--list]

The naive matcher is what one gets without context rules: every name of
`src/lexicon/data/places.tsv` (communes, departments, regions, countries,
cities, with their variants) found case-sensitively as whole words, longest
first, after an optional elision (« d'Orange »). It runs over the annotated
articles of the eval folder (the seed gold and `articles-dev/`, default
`../shared/eval` or `EVAL_DIR`), where a hit is true when it overlaps a gold
place mention (optional ones included), and over `fixtures/*.txt`, which have
no gold, so only the numbers of hits are shown there.
"""
import argparse, glob, json, os, subprocess, sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORD = lambda c: c.isalnum() or c == "-"


def load_names():
    by_first = defaultdict(set)
    with open(os.path.join(ROOT, "src/lexicon/data/places.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            name = line.split("\t", 1)[0]
            by_first[name.split(" ")[0].split("-")[0]].add(name)
    return {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}


def naive(text, names):
    """Whole-word, case-sensitive, longest-first matches of every gazetteer name."""
    text = text.replace("\u2019", "'").replace("\xa0", " ").replace("\u202f", " ")
    hits, i, n = [], 0, len(text)
    while i < n:
        if not WORD(text[i]) or (i > 0 and WORD(text[i - 1])):
            i += 1
            continue
        j = i
        while j < n and text[j].isalnum():
            j += 1
        found = None
        for name in names.get(text[i:j], ()):
            end = i + len(name)
            if text.startswith(name, i) and (end == n or not WORD(text[end])):
                found = (i, end)
                break
        if found:
            hits.append(found)
            i = found[1]
        else:
            i = j if j > i else i + 1
    return hits


def depeche_places(binary, docs):
    lines = "".join(json.dumps({"id": str(k), "text": t, "published": p}, ensure_ascii=False) + "\n"
                    for k, (t, p) in enumerate(docs))
    res = subprocess.run([binary, "extract", "--jsonl", "--only", "places"], input=lines.encode(),
                         capture_output=True, check=True)
    out = []
    for line in res.stdout.decode().splitlines():
        rec = json.loads(line)
        out.append([(m["start"], m["end"]) for p in rec["places"] for m in p["mentions"]])
    return out


def overlaps(span, golds):
    return any(min(span[1], g[1]) > max(span[0], g[0]) for g in golds)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=os.environ.get("EVAL_DIR", os.path.join(ROOT, "..", "shared", "eval")))
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "depeche"))
    ap.add_argument("--list", action="store_true", help="print every false place of each matcher")
    args = ap.parse_args()
    names = load_names()

    sys.path.insert(0, args.eval)
    import score  # the eval folder's own gold loader, so spans are located as it scores them
    golds = score.load_gold([os.path.join(args.eval, "seed-gold.json"), os.path.join(args.eval, "articles-dev")])
    preds = depeche_places(args.bin, [(g["text"], g.get("published")) for g in golds])
    tally = {"naive": [0, 0], "depeche": [0, 0]}
    for g, pred in zip(golds, preds):
        gold = [(m["start"], m["end"]) for m in g["mentions"] if m["kind"] == "place"]
        for who, hits in (("naive", naive(g["text"], names)), ("depeche", pred)):
            false = [h for h in hits if not overlaps(h, gold)]
            tally[who][0] += len(hits)
            tally[who][1] += len(false)
            if args.list and false:
                print(f"{who}\t{g['id']}\t" + " | ".join(g["text"][a:b] for a, b in false))
    print(f"annotated articles ({len(golds)}): gold place mentions "
          f"{sum(m['kind'] == 'place' for g in golds for m in g['mentions'])}")
    for who, (hits, false) in tally.items():
        print(f"  {who:8} {hits:4} hits, {false:4} false")
    removed = tally["naive"][1] - tally["depeche"][1]
    print(f"  the context rules remove {removed} of {tally['naive'][1]} false places")

    paths = sorted(glob.glob(os.path.join(ROOT, "fixtures", "*.txt")))
    texts = [open(p, encoding="utf-8", errors="replace").read() for p in paths]
    preds = depeche_places(args.bin, [(t, None) for t in texts])
    n_naive = sum(len(naive(t, names)) for t in texts)
    print(f"fixtures ({len(paths)}, no gold): naive {n_naive} hits, depeche {sum(map(len, preds))} hits")


if __name__ == "__main__":
    main()
