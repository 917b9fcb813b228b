#!/usr/bin/env bash
# Runs examples/spark/depeche_job.py in Spark local mode on a small JSON Lines
# corpus built from fixtures/ and checks that its records are the ones
# `depeche extract --jsonl` writes when run directly on the same file.
# Needs Java 17 or later; installs pyspark (PyPI) into .venv-spark/ once.
# Usage: examples/spark/check.sh [copies of each fixture, default 3]
#   SPARK_MASTER=local-cluster[2,1,1024] examples/spark/check.sh   (executors in their own JVMs)
set -euo pipefail
cd "$(dirname "$0")/../.."
copies=${1:-3}
master=${SPARK_MASTER:-local[2]}
venv=.venv-spark
pin=pyspark==4.3.0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v java >/dev/null || { echo "check.sh: java not found (Spark needs Java 17+)" >&2; exit 1; }
cargo build --release --quiet
bin=target/release/depeche

if ! "$venv/bin/python" -c "from importlib.metadata import version; assert version('pyspark') == '${pin#*==}'" 2>/dev/null; then
  echo "installing $pin into $venv/ (once)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "$pin"
fi

# Corpus: each fixture $copies times, interleaved, with a unique id and the
# publication date of fixtures/index.tsv (none where it says "-").
python3 - "$work/corpus.jsonl" "$copies" <<'PY'
import json, os, sys
out, copies = sys.argv[1], int(sys.argv[2])
published = {}
for line in open("fixtures/index.tsv", encoding="utf-8"):
    if not line.startswith("#") and line.strip():
        name, date = line.split("\t")[:2]
        published[name] = date
texts = []
for name in sorted(os.listdir("fixtures")):
    if name.endswith(".txt"):
        raw = open(os.path.join("fixtures", name), "rb").read()
        try:
            texts.append((name, raw.decode("utf-8").lstrip("\ufeff")))
        except UnicodeDecodeError:
            texts.append((name, raw.decode("cp1252")))
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        for name, text in texts:
            line = {"id": f"{name[:-4]}#{k}", "text": text}
            if published.get(name, "-") != "-":
                line["published"] = published[name]
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
PY

"$bin" extract --jsonl < "$work/corpus.jsonl" > "$work/direct.jsonl"

export PYSPARK_PYTHON="$PWD/$venv/bin/python" SPARK_LOCAL_IP=127.0.0.1
"$venv/bin/spark-submit" --master "$master" --conf spark.ui.enabled=false \
  examples/spark/depeche_job.py --bin "$bin" --partitions 4 \
  "$work/corpus.jsonl" "$work/spark-out" 2> "$work/spark.log" || {
  tail -40 "$work/spark.log" >&2; exit 1; }

# Compare by id: Spark writes one part file per partition, and across
# partitions (several input files, a repartition, retried tasks) the order of
# the records is not the input order. Each record is a function of its input
# line alone, so the right check is: the same set of ids, one record per id,
# and for each id the very same bytes as the direct run.
python3 - "$work/corpus.jsonl" "$work/direct.jsonl" "$work/spark-out" <<'PY'
import glob, json, sys
corpus, direct_path, spark_dir = sys.argv[1:]
def by_id(lines, what):
    out = {}
    for line in lines:
        rid = json.loads(line)["id"]
        assert rid not in out, f"{what}: id {rid!r} twice"
        out[rid] = line
    return out
n_in = sum(1 for _ in open(corpus, encoding="utf-8"))
direct_lines = open(direct_path, encoding="utf-8").read().splitlines()
parts = sorted(glob.glob(f"{spark_dir}/part-*"))
spark_lines = [l for p in parts for l in open(p, encoding="utf-8").read().splitlines()]
direct, spark = by_id(direct_lines, "direct"), by_id(spark_lines, "spark")
assert len(direct) == n_in, f"direct run: {len(direct)} records for {n_in} lines"
missing, extra = direct.keys() - spark.keys(), spark.keys() - direct.keys()
differ = [i for i in direct.keys() & spark.keys() if direct[i] != spark[i]]
print(f"input {n_in} lines; direct {len(direct)} records; spark {len(spark)} records in {len(parts)} part files")
print("part files in order = direct output, line for line:", spark_lines == direct_lines)
if missing or extra or differ:
    print(f"FAIL: {len(missing)} missing, {len(extra)} extra, {len(differ)} differ, e.g.",
          sorted(missing)[:3], sorted(extra)[:3], sorted(differ)[:3])
    sys.exit(1)
print("OK: Spark records are identical to depeche extract --jsonl, id by id")
PY
