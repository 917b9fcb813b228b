"""The fixture articles as text, for the bench scripts' corpora.

    sys.path.insert(0, "bench"); from fixture_texts import fixture_texts, write_stream

Run from the repository root. UTF-8 (BOM dropped), else Windows-1252, as
depeche decodes them.
"""
import json
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


def write_stream(path, size, texts=None):
    """Writes the fixtures, repeated until `size` bytes of text, as a JSON
    Lines stream (`id`, `text`, `published`) to `path`; returns the
    number of articles and of text bytes. `texts` defaults to the
    fixtures."""
    texts = texts or fixture_texts()
    total, n = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while total < size:
            t = texts[n % len(texts)]
            line = {"id": n, "text": t, "published": "2024-06-25"}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            total += len(t.encode())
            n += 1
    return n, total
