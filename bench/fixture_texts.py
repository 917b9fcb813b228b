"""The fixture articles as text, for the bench scripts' corpora.

    sys.path.insert(0, "bench"); from fixture_texts import fixture_texts

Run from the repository root. UTF-8 (BOM dropped), else Windows-1252, as
depeche decodes them.
"""
import os


def fixture_texts(folder="fixtures"):
    texts = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            raw = open(os.path.join(folder, name), "rb").read()
            try:
                texts.append(raw.decode("utf-8").lstrip("\ufeff"))
            except UnicodeDecodeError:
                texts.append(raw.decode("cp1252"))
    return texts
