#!/usr/bin/env python3
"""Check the hand-curated lexicons against gold files.

Usage (from the repository root):

    python3 tools/check-lexicons.py [--hits] [GOLD.json | GOLD_DIR ...]

`--hits` also lists where fixed organization forms and acronyms match the
gold articles' text (with the matching rules of SOURCES.md) outside any gold
organization mention: candidates for false positives.

Without arguments it reads ../shared/eval/seed-gold.json and
../shared/eval/articles-dev/ relative to the repository root.

It loads src/lexicon/data/{roles,organizations,given_names}.tsv, checks their
format, then reports, for every gold mention:

* person: whether the `role` starts with a head in roles.tsv and whether that
  row's `official` flag agrees with the gold; whether the first name of the
  person is in given_names.tsv;
* organization: whether the gold `name` is a fixed row's name, form or acronym
  with the same `type`, or is built by a pattern head (`*` row) of that type
  followed by a complement; and whether the mention text itself is matchable.

Comparison is on a folded key (NFC, ’ = ', no diacritics, case-folded,
spaces collapsed), as SOURCES.md asks the Rust matcher to do.  Required gold
mentions that are not covered are listed first; optional ones after.  Exit
status is 1 when a required mention is not covered or a file is malformed.
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
ROLE_CATEGORIES = {"government", "parliament", "justice", "police", "military", "administration",
                   "local", "lawyer", "foreign", "party", "company", "media", "other"}
ORG_TYPES = {"court", "prosecution", "police", "ministry", "government", "agency", "company",
             "media", "party", "platform", "other"}
NAME_CLASSES = {"common", "uncommon", "rare", "ambiguous"}
PREPOSITIONS = ("de", "du", "des", "d'")
ARTICLES = ("le ", "la ", "les ", "l'")
# Relational roles (« le successeur de Claude Erignac »): the Rust side takes
# `official` from the role of the person named in the complement, so the flag
# in roles.tsv (0) is only the default.  Same list in SOURCES.md.
RELATIONAL = {"successeur"}


def fold(s):
    s = unicodedata.normalize("NFC", str(s)).replace("\u2019", "'").replace("\xa0", " ")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return " ".join(s.casefold().split())


def read_tsv(name, header):
    path = os.path.join(DATA, name)
    problems = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or not lines[0].startswith("# source:"):
        problems.append(f"{name}: line 1 is not a '# source:' comment")
    if len(lines) < 2 or lines[1] != "\t".join(header):
        problems.append(f"{name}: line 2 is not the header {header}")
    rows = []
    for n, line in enumerate(lines[2:], start=3):
        cells = line.split("\t")
        if len(cells) != len(header):
            problems.append(f"{name}:{n}: {len(cells)} cells, expected {len(header)}")
            continue
        rows.append(dict(zip(header, cells)))
    return rows, problems


def load_roles():
    rows, problems = read_tsv("roles.tsv", ["role", "official", "category", "forms"])
    heads = {}
    for r in rows:
        if r["official"] not in ("0", "1"):
            problems.append(f"roles.tsv: bad official {r['official']!r} for {r['role']}")
        if r["category"] not in ROLE_CATEGORIES:
            problems.append(f"roles.tsv: bad category {r['category']!r} for {r['role']}")
        if "'" in r["role"] + r["forms"]:
            problems.append(f"roles.tsv: straight apostrophe in {r['role']}")
        for form in r["forms"].split("|"):
            heads.setdefault(fold(form), []).append(r)
    return rows, heads, problems


def load_orgs():
    rows, problems = read_tsv("organizations.tsv", ["name", "type", "forms", "acronym"])
    fixed, patterns = {}, {}
    for r in rows:
        if r["type"] not in ORG_TYPES:
            problems.append(f"organizations.tsv: bad type {r['type']!r} for {r['name']}")
        if "'" in r["name"] + r["forms"]:
            problems.append(f"organizations.tsv: straight apostrophe in {r['name']}")
        forms = [x.lstrip("~") for x in r["forms"].split("|") if x]
        if r["name"] == "*":
            for form in forms:
                patterns.setdefault(fold(form), []).append(r)
        else:
            acronyms = [x.lstrip("~") for x in r["acronym"].split("|") if x]
            if r["name"] not in forms + acronyms:
                problems.append(f"organizations.tsv: name {r['name']!r} is not among its forms or acronyms")
            for form in set([r["name"]] + forms + acronyms):
                fixed.setdefault(fold(form), []).append(r)
    return rows, fixed, patterns, problems


def load_names():
    rows, problems = read_tsv("given_names.tsv", ["name", "sex", "class"])
    names = {}
    for r in rows:
        if r["sex"] not in ("m", "f", "mf") or r["class"] not in NAME_CLASSES:
            problems.append(f"given_names.tsv: bad row {r}")
        names[r["name"]] = r
    return rows, names, problems


def longest_head(text, table):
    """Longest key of `table` that starts `text` at a word boundary."""
    best = None
    for key in table:
        if text.startswith(key) and (len(text) == len(key) or not text[len(key)].isalnum()
                                     or key.endswith("'")):
            if best is None or len(key) > len(best):
                best = key
    return best


def pattern_builds(name, patterns, want_type):
    """A pattern head of type want_type followed by a non-empty complement."""
    candidates = []
    for head, rows in patterns.items():
        if not name.startswith(head) or len(name) == len(head):
            continue
        rest = name[len(head):]
        if not head.endswith("'") and not rest.startswith(" "):
            continue
        candidates.append((len(head), head, rows))
    candidates.sort(reverse=True)
    if not candidates:
        return None, None
    _, head, rows = candidates[0]
    types = {r["type"] for r in rows}
    return head, (want_type in types, sorted(types))


def fold_chars(text):
    """Per-character fold that keeps offsets: no diacritics, ’ = ', lower case."""
    out = []
    for c in text:
        c = "'" if c == "\u2019" else c
        base = unicodedata.normalize("NFD", c)[0]
        out.append(base.lower() if len(base.lower()) == 1 else c)
    return "".join(out)


def word_initial_caps(form):
    return [i for i, c in enumerate(form)
            if c.isupper() and (i == 0 or form[i - 1] in " -'\u2019")]


def find_form(text, folded, form, acronym):
    """Offsets where `form` matches `text` under the SOURCES.md rules."""
    ambiguous = form.startswith("~")
    form = form.lstrip("~")
    needle = fold_chars(form)
    hits, start = [], 0
    while True:
        i = folded.find(needle, start)
        if i < 0:
            return hits
        start = i + 1
        j = i + len(needle)
        if i > 0 and (folded[i - 1].isalnum() or folded[i - 1] == "-"):
            continue
        if j < len(folded) and (folded[j].isalnum() or folded[j] == "-"):
            continue
        span = text[i:j]
        if acronym:
            if span != form:
                continue
        elif not all(span[k].isupper() for k in word_initial_caps(form)):
            continue
        hits.append((i, j, ambiguous))


def gold_spans(gold, text):
    spans = []
    for m in gold.get("mentions", []):
        if m["kind"] != "organization":
            continue
        occ, pos = m.get("occurrence", 1), -1
        for _ in range(occ):
            pos = text.find(m["text"], pos + 1)
            if pos < 0:
                break
        if pos >= 0:
            spans.append((pos, pos + len(m["text"])))
    return spans


def report_hits(paths, org_rows):
    print("\nlexicon hits outside gold organization mentions (possible false positives):")
    for path in paths:
        gold = json.load(open(path, encoding="utf-8"))
        tf = gold.get("text_file")
        if not tf:
            continue
        text = open(os.path.join(os.path.dirname(path), tf), encoding="utf-8").read()
        if text.startswith("\ufeff"):
            text = text[1:]
        folded = fold_chars(text)
        spans = gold_spans(gold, text)
        for r in org_rows:
            if r["name"] == "*":
                continue
            forms = [(f, False) for f in r["forms"].split("|") if f]
            forms += [(a, True) for a in r["acronym"].split("|") if a]
            for form, acro in forms:
                for i, j, amb in find_form(text, folded, form, acro):
                    if not any(i < b and a < j for a, b in spans):
                        flag = " (ambiguous form: needs a cue)" if amb else ""
                        print(f"  {gold.get('id')}\t{text[i:j]!r} -> {r['name']} ({r['type']})"
                              f"\t…{text[max(0, i - 30):j + 30]!r}…{flag}".replace("\n", " "))


def gold_files(args):
    out = []
    for a in args or DEFAULT_GOLD:
        if os.path.isdir(a):
            out += sorted(glob.glob(os.path.join(a, "*.json")))
        else:
            out.append(a)
    return out


def main():
    _, role_heads, p1 = load_roles()
    org_rows, fixed, patterns, p2 = load_orgs()
    name_rows, names, p3 = load_names()
    problems = p1 + p2 + p3
    for p in problems:
        print("FORMAT", p)

    report = {True: [], False: []}  # optional -> lines
    counts = {"person-role": [0, 0], "person-given": [0, 0], "org-name": [0, 0], "org-text": [0, 0]}

    def tally(kind, ok):
        counts[kind][0] += 1
        counts[kind][1] += bool(ok)

    args = [a for a in sys.argv[1:] if a != "--hits"]
    paths = gold_files(args)
    for path in paths:
        gold = json.load(open(path, encoding="utf-8"))
        gid = gold.get("id", os.path.basename(path))
        for m in gold.get("mentions", []):
            opt = bool(m.get("optional"))
            if m["kind"] == "person":
                role = m.get("role")
                if role:
                    key = fold(role)
                    head = longest_head(key, role_heads)
                    if head is None:
                        tally("person-role", False)
                        report[opt].append(f"{gid}\tperson role\t{role!r}\tno head in roles.tsv")
                    else:
                        rows = role_heads[head]
                        primary = [r for r in rows if r["category"] != "foreign"] or rows
                        flag = primary[0]["official"] == "1"
                        ok = flag == bool(m.get("official")) or primary[0]["role"] in RELATIONAL
                        tally("person-role", ok)
                        if not ok:
                            report[opt].append(
                                f"{gid}\tperson role\t{role!r}\thead {primary[0]['role']!r} "
                                f"official={int(flag)} but gold official={m.get('official')}")
                first = (m.get("name") or "").split()[0] if m.get("name") else ""
                if first and m.get("text") == m.get("name"):
                    ok = first in names
                    tally("person-given", ok)
                    if not ok:
                        report[opt].append(f"{gid}\tgiven name\t{first!r}\tnot in given_names.tsv")
            elif m["kind"] == "organization":
                name, typ, text = m.get("name", ""), m.get("type"), m.get("text", "")
                key = fold(name)
                ok, why = False, "not in lexicon"
                if key in fixed:
                    types = sorted({r["type"] for r in fixed[key]})
                    ok = typ in types
                    why = f"fixed row has type {types}"
                if not ok:
                    head, res = pattern_builds(key, patterns, typ)
                    if head is not None:
                        ok = res[0]
                        why = f"pattern head {head!r} has type {res[1]}" if not ok else why
                tally("org-name", ok)
                if not ok:
                    report[opt].append(f"{gid}\torg name\t{name!r} ({typ})\t{why}")
                # can the mention text itself be matched?
                tkey = fold(text)
                for art in ARTICLES:
                    if tkey.startswith(art) and tkey[len(art):] in fixed:
                        tkey = tkey[len(art):]
                        break
                tok = (tkey in fixed or pattern_builds(tkey, patterns, typ)[0] is not None
                       or any(fold(f).endswith(" " + tkey) and fold(f).split(" ")[0] in ("le", "la", "les")
                              for f in fixed))
                tally("org-text", tok)
                if not tok:
                    report[opt].append(f"{gid}\torg text\t{text!r}\tnot matchable by forms or patterns")

    print(f"lexicons: roles {len(role_heads)} forms, organizations {len(org_rows)} rows "
          f"({len(fixed)} fixed keys, {len(patterns)} pattern heads), given names {len(name_rows)}")
    for kind, (n, good) in counts.items():
        print(f"coverage {kind}: {good}/{n}")
    print(f"\nREQUIRED mentions not covered: {len(report[False])}")
    for line in report[False]:
        print("  " + line)
    print(f"\noptional mentions not covered: {len(report[True])}")
    for line in report[True]:
        print("  " + line)
    if "--hits" in sys.argv[1:]:
        report_hits(paths, org_rows)
    return 1 if problems or report[False] else 0


if __name__ == "__main__":
    sys.exit(main())
