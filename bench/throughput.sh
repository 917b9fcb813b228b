#!/usr/bin/env bash
# Throughput of the release binary on a corpus built from fixtures/:
#   MB/s and articles/s for `extract --jsonl` (one thread) and `batch -j 1|2`,
#   start-up time (median of 50 runs on a 2 KB article), peak RSS, and MB/s on
#   single articles of 1, 10 and 100 MB (linear cost check).
# Usage: bench/throughput.sh [corpus MB, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/depeche
have_time=$([ -x /usr/bin/time ] && echo 1 || echo 0)

python3 - "$work" "$size_mb" <<'PY'
import os, sys
work, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
sys.path.insert(0, "bench")
from fixture_texts import fixture_texts, write_stream
texts = fixture_texts()
n, total = write_stream(f"{work}/corpus.jsonl", size, texts)
# The same articles as files, for `batch`.
for k in range(n):
    d = f"{work}/dir/{k // 1000:03d}"
    os.makedirs(d, exist_ok=True)
    open(f"{d}/{k:07d}.txt", "w", encoding="utf-8").write(texts[k % len(texts)])
open(f"{work}/n", "w").write(f"{n} {total}\n")
body = "\n\n".join(texts)
for mb in (1, 10, 100):
    with open(f"{work}/single-{mb}.txt", "w", encoding="utf-8") as f:
        f.write((body * (mb * 1_000_000 // len(body.encode()) + 1))[: mb * 1_000_000 // 2 * 2])
small = texts[0][:2000]
open(f"{work}/small.txt", "w", encoding="utf-8").write(small)
PY
read -r n bytes < "$work/n"
mb=$(python3 -c "print(f'{$bytes/1e6:.1f}')")
echo "corpus: $n articles, $mb MB (from fixtures/)"
echo

rate() { python3 -c "import sys; b,n,s=map(float,sys.argv[1:]); print(f'{b/1e6/s:8.1f} MB/s {n/s:10.0f} articles/s {s:7.2f} s')" "$@"; }
clock() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); python3 -c "print($t1-$t0)"; }
rss() { if [ "$have_time" = 1 ]; then /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; else echo "?"; fi; }

printf '%-28s' "extract --jsonl (1 thread)"; rate "$bytes" "$n" "$(clock sh -c "$bin extract --jsonl < $work/corpus.jsonl")"
printf '%-28s' "batch -j 1"; rate "$bytes" "$n" "$(clock "$bin" batch "$work/dir" -j 1 -o "$work/out1.jsonl")"
printf '%-28s' "batch -j 2"; rate "$bytes" "$n" "$(clock "$bin" batch "$work/dir" -j 2 -o "$work/out2.jsonl")"
cmp -s "$work/out1.jsonl" "$work/out2.jsonl" && echo "batch -j 1 and -j 2 outputs: identical" || echo "batch -j 1 and -j 2 outputs: DIFFER"
echo
for mb in 1 10 100; do
  printf '%-28s' "single article, $mb MB"; rate $((mb * 1000000)) 1 "$(clock "$bin" extract --ref-date 2024-06-25 "$work/single-$mb.txt")"
done
echo
python3 - "$bin" "$work/small.txt" <<'PY'
import statistics, subprocess, sys, time
bin, path = sys.argv[1], sys.argv[2]
runs = []
for _ in range(50):
    t = time.perf_counter()
    subprocess.run([bin, "extract", "--ref-date", "2024-06-25", path], stdout=subprocess.DEVNULL, check=True)
    runs.append(time.perf_counter() - t)
print(f"start-up (2 KB article, median of 50): {statistics.median(runs) * 1000:.1f} ms")
PY
head -c 10000000 "$work/corpus.jsonl" | sed '$d' > "$work/head.jsonl"
echo "peak RSS: batch -j 2 $(rss "$bin" batch "$work/dir" -j 2 -o "$work/out3.jsonl") KB;" \
  "--jsonl on 10 MB $(rss sh -c "$bin extract --jsonl < $work/head.jsonl") KB," \
  "on $size_mb MB $(rss sh -c "$bin extract --jsonl < $work/corpus.jsonl") KB"
