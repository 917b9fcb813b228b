#!/usr/bin/env python3
"""Check the offence lexicon against the gold files (stdlib only).

Usage (from the repository root):

    python3 tools/check-offences.py [-v] [GOLD.json | GOLD_DIR ...]

Without arguments it reads ../shared/eval/seed-gold.json and
../shared/eval/articles-dev/ relative to the repository root.

It loads src/lexicon/data/offences.tsv and qualifiers.tsv, checks their format
(header, columns, categories, `law` / `ref_source` pairing, lower-case forms,
no form listed twice or also listed as a qualifier, once folded), then, for
every gold mention of kind `charge`:

* the gold `offence` must be the `offence` or the `label` of some row (the
  scorer accepts either);
* the mention text must be reachable through the `forms` of such a row:
  lower-cased, with a leading determiner (l', la, le, les, un, une, des, du)
  and prefix qualifiers (« tentative de », « complicité de »…) removed, it is
  a form, or a form followed by qualifier forms joined by spaces, « et », « ou »
  or commas (« actes de violence physique et sexuelle »).

Comparison is on a folded key (NFC, ’ = ', no diacritics, case-folded, spaces
collapsed).  A mention whose text is reachable only through a row with another
offence is reported as `context` (the choice depends on the sentence, e.g. a
bare « harcèlement » standing for « harcèlement sexuel »).  Exit status is 1
when a file is malformed or a required mention has an unknown offence or an
unreachable text; `context` mentions and optional mentions are only reported.
"""

import glob
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "src", "lexicon", "data")
DEFAULT_GOLD = [
    os.path.join(ROOT, "..", "shared", "eval", "seed-gold.json"),
    os.path.join(ROOT, "..", "shared", "eval", "articles-dev"),
]
CATEGORIES = {"personnes", "biens", "stupéfiants", "économique", "numérique", "sexuel", "mineurs",
              "terrorisme", "routier", "armes", "autorité de l’État", "presse", "probité",
              "environnement", "étrangers", "famille", "other"}
REF_SOURCES = {"cp-md", "known"}
OFFENCE_HEADER = ["label", "offence", "category", "law", "forms", "ref_source", "ambiguous"]
QUALIFIER_HEADER = ["qualifier", "forms"]
LAW_RE = re.compile(r"(Code [^,;]+|Loi [^,;]+), art\. [LR]?\d[\d-]*(?: [A-Z]| bis)?")
DETERMINERS = ("l'", "la ", "le ", "les ", "un ", "une ", "des ", "du ", "de la ", "au ", "aux ")
SEPARATORS = ("et ", "ou ", ", ", ",")


def fold(s):
    s = unicodedata.normalize("NFC", str(s)).replace("\u2019", "'").replace("\xa0", " ")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def read_tsv(name, header, errors):
    path = os.path.join(DATA, name)
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].startswith("# source:"):
        errors.append(f"{name}: line 1 must be the '# source: …' comment")
    if len(lines) < 2 or lines[1].split("\t") != header:
        errors.append(f"{name}: line 2 must be the header {header}")
    rows = []
    for n, line in enumerate(lines[2:], start=3):
        cols = line.split("\t")
        if len(cols) != len(header):
            errors.append(f"{name}:{n}: {len(cols)} columns, expected {len(header)}")
            continue
        rows.append((n, dict(zip(header, cols))))
    return rows


def load(errors):
    qualifiers = {}  # folded form -> canonical
    for n, r in read_tsv("qualifiers.tsv", QUALIFIER_HEADER, errors):
        for f in r["forms"].split("|"):
            if not f or f != f.lower() or "'" in f:
                errors.append(f"qualifiers.tsv:{n}: bad form {f!r} (lower case, ’ not ')")
            k = fold(f)
            if k in qualifiers and qualifiers[k] != r["qualifier"]:
                errors.append(f"qualifiers.tsv:{n}: form {f!r} also under {qualifiers[k]!r}")
            qualifiers[k] = r["qualifier"]
    entries, owner, labels = [], {}, set()
    for n, r in read_tsv("offences.tsv", OFFENCE_HEADER, errors):
        where = f"offences.tsv:{n}"
        if r["label"] in labels:
            errors.append(f"{where}: duplicate label {r['label']!r}")
        labels.add(r["label"])
        for col in ("label", "offence", "forms", "law"):
            if "'" in r[col]:
                errors.append(f"{where}: straight apostrophe in {col} (use ’)")
        if r["category"] not in CATEGORIES:
            errors.append(f"{where}: unknown category {r['category']!r}")
        if r["ambiguous"] not in ("0", "1"):
            errors.append(f"{where}: ambiguous must be 0 or 1")
        laws = r["law"].split(";") if r["law"] else []
        srcs = r["ref_source"].split(";") if r["ref_source"] else []
        if len(laws) != len(srcs):
            errors.append(f"{where}: {len(laws)} law references but {len(srcs)} ref_source values")
        for law in laws:
            if not LAW_RE.fullmatch(law):
                errors.append(f"{where}: law reference {law!r} not like « Code pénal, art. 225-7 »")
        for s in srcs:
            if s not in REF_SOURCES:
                errors.append(f"{where}: ref_source {s!r} not in {sorted(REF_SOURCES)}")
        forms = r["forms"].split("|")
        for f in forms:
            if not f or f != f.lower() or f != f.strip():
                errors.append(f"{where}: bad form {f!r}")
            k = fold(f)
            if k in owner and owner[k] != r["label"]:
                errors.append(f"{where}: form {f!r} also in row {owner[k]!r}")
            owner[k] = r["label"]
            if k in qualifiers:
                errors.append(f"{where}: form {f!r} is also a qualifier form")
        entries.append({"label": r["label"], "offence": r["offence"], "category": r["category"],
                        "forms": {fold(f) for f in forms}, "ambiguous": r["ambiguous"]})
    return entries, qualifiers


def gold_mentions(paths):
    files = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.json"))) if os.path.isdir(p) else [p]
    out = []

    def walk(o, fname):
        if isinstance(o, dict):
            if o.get("kind") == "charge":
                out.append((fname, o))
            for v in o.values():
                walk(v, fname)
        elif isinstance(o, list):
            for v in o:
                walk(v, fname)

    for f in files:
        with open(f, encoding="utf-8") as fh:
            walk(json.load(fh), os.path.basename(f))
    return out


def strip_determiners(t):
    changed = True
    while changed:
        changed = False
        for d in DETERMINERS:
            if t.startswith(d) and len(t) > len(d):
                t, changed = t[len(d):].lstrip(), True
    return t


def is_qualifier_tail(rest, qual_sorted):
    """True when `rest` is a sequence of qualifier forms joined by separators."""
    rest = rest.strip()
    if not rest:
        return True
    for sep in SEPARATORS:
        if rest.startswith(sep):
            return is_qualifier_tail(rest[len(sep):], qual_sorted)
    for q in qual_sorted:
        if rest == q or rest.startswith(q + " ") or rest.startswith(q + ","):
            if is_qualifier_tail(rest[len(q):], qual_sorted):
                return True
    return False


def reachable(text, entry, prefixes, qual_sorted):
    candidates = {strip_determiners(fold(text))}
    for t in list(candidates):
        for p in prefixes:  # « tentative d' », « complicité de »…
            if t.startswith(p):
                candidates.add(strip_determiners(t[len(p):].lstrip()))
    for t in candidates:
        for f in entry["forms"]:
            if t == f or (t.startswith(f) and t[len(f)] in " ," and is_qualifier_tail(t[len(f):], qual_sorted)):
                return True
    return False


def main(argv):
    verbose = "-v" in argv
    paths = [a for a in argv if a != "-v"] or DEFAULT_GOLD
    errors = []
    entries, qualifiers = load(errors)
    for e in errors:
        print("FORMAT", e)
    qual_sorted = sorted(qualifiers, key=len, reverse=True)
    prefixes = [q if q.endswith("'") else q + " " for q in qual_sorted
                if q.endswith(" de") or q.endswith(" d'") or q.endswith(" dans")]
    prefixes = [p[:-1] if p.endswith(" ") and p[:-1].endswith("'") else p for p in prefixes]
    by_offence = {}
    for e in entries:
        by_offence.setdefault(fold(e["offence"]), []).append(e)
        if fold(e["label"]) != fold(e["offence"]):
            by_offence.setdefault(fold(e["label"]), []).append(e)
    counts = {"ok": 0, "context": 0, "unknown offence": 0, "unreachable": 0}
    report = []
    for fname, m in gold_mentions(paths):
        opt = "optional" if m.get("optional") else "required"
        want = fold(m.get("offence"))
        rows = by_offence.get(want, [])
        if not rows:
            status = "unknown offence"
        elif any(reachable(m["text"], e, prefixes, qual_sorted) for e in rows):
            status = "ok"
        elif any(reachable(m["text"], e, prefixes, qual_sorted) for e in entries):
            status = "context"
        else:
            status = "unreachable"
        counts[status] += 1
        via = [e["label"] for e in entries if reachable(m["text"], e, prefixes, qual_sorted)]
        if status != "ok" or verbose:
            report.append((status != "ok" and opt == "required", f"{status:16} {opt:8} {fname}: "
                           f"{m['text']!r} -> gold offence {m.get('offence')!r}; rows matching the text: {via}"))
    for _, line in sorted(report, key=lambda x: not x[0]):
        print(line)
    total = sum(counts.values())
    print(f"\n{len(entries)} offence rows, {len(set(qualifiers.values()))} qualifiers; "
          f"{total} gold charge mentions: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    bad = [r for r in report if r[0] and not r[1].startswith("context")]
    return 1 if errors or bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
