#!/usr/bin/env bash
# Instructions the release binary executes (valgrind's callgrind), the
# measure to compare two commits with: wall time on a shared VM drifts by
# a fifth from run to run, instruction counts by about 0.1 % (hash seeds).
#   - the seed article, without --ref-date (a short run: mostly start-up);
#   - a 1 MB JSON Lines stream of the fixtures (the warm-up switches of
#     extract::automaton happen inside it);
#   - the marginal cost per byte once every matcher is built: the 6 MB
#     stream minus the 5 MB one, divided by the extra bytes.
# Usage: bench/instructions.sh        (about two minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed (apt install valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/depeche

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
sys.path.insert(0, "bench")
from fixture_texts import write_stream
for mb in (1, 5, 6):
    _, total = write_stream(f"{work}/s{mb}.jsonl", mb * 1_000_000)
    open(f"{work}/s{mb}.bytes", "w").write(f"{total}\n")
PY

# Instructions of one run of the binary with arguments "$@" (stdin kept).
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

seed=$(count "$bin" extract fixtures/000_seed-coco.txt)
s1=$(count "$bin" extract --jsonl < "$work/s1.jsonl")
s5=$(count "$bin" extract --jsonl < "$work/s5.jsonl")
s6=$(count "$bin" extract --jsonl < "$work/s6.jsonl")
b1=$(cat "$work/s1.bytes"); b5=$(cat "$work/s5.bytes"); b6=$(cat "$work/s6.bytes")
python3 - "$seed" "$s1" "$b1" "$s5" "$b5" "$s6" "$b6" <<'PY'
import sys
seed, s1, b1, s5, b5, s6, b6 = map(int, sys.argv[1:])
print(f"seed article, no --ref-date   {seed / 1e6:10.1f} M instructions")
print(f"1 MB stream ({b1:,} bytes)  {s1 / 1e6:10.1f} M instructions ({s1 / b1:.0f} a byte)")
print(f"marginal, 5 MB -> 6 MB        {(s6 - s5) / (b6 - b5):10.0f} instructions a byte")
PY
