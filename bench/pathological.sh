#!/usr/bin/env bash
# Linear-time check of the release binary on pathological inputs, each at
# full size and at a quarter of it: a 50 MB single line of prose, « le 25
# juin » a million times, 100,000 « , 10 MB of capitalised words, 10 MB of
# digits and spaces. Prints CPU seconds and MB/s at both sizes; a full/¼
# MB/s ratio near 1 means linear cost (well below 1: superlinear).
# Usage: bench/pathological.sh [timeout seconds per run, default 600]
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet
bin=target/release/depeche

python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
prose = ("Le ministre de l’Intérieur Gérald Darmanin a annoncé mardi 25 juin à Paris que "
         "23 000 procédures judiciaires avaient été ouvertes contre le site Coco, « une "
         "plateforme mafieuse », selon le parquet de Toulon. ")
capitals = ("Paris Marseille Gérald Darmanin Ministre Tribunal Parquet Jean Dupont Conseil Nord "
            "Le La Saint Haute Garonne Emmanuel Macron Police Nationale Marie Martin Lyon Cour").split()

def make(kind, scale):
    rnd = random.Random(1)
    if kind == "line":
        n = 50_000_000 // scale
        unit = prose.encode()
        return (unit * (n // len(unit) + 1))[:n].decode("utf-8", "ignore")
    if kind == "dates":
        return "le 25 juin " * (1_000_000 // scale)
    if kind == "guillemets":
        return "« " * (100_000 // scale)
    n = 10_000_000 // scale
    parts, size = [], 0
    while size < n:
        w = rnd.choice(capitals) if kind == "capitals" else "".join(
            rnd.choice("0123456789") for _ in range(rnd.randint(1, 3)))
        parts.append(w)
        size += len(w.encode()) + 1
    return " ".join(parts)

for kind in ("line", "dates", "guillemets", "capitals", "digits"):
    for scale, tag in ((1, "full"), (4, "quarter")):
        with open(f"{work}/{kind}.{tag}.txt", "w", encoding="utf-8") as f:
            f.write(make(kind, scale))
PY

run() {  # "wall_seconds cpu_seconds" for one file, or "timeout timeout"
  if ! /usr/bin/time -f "%e %U %S" -o "$work/time" timeout "$limit" \
      "$bin" extract --ref-date 2024-06-25 "$1" >/dev/null 2>"$work/err"; then
    grep -q "exited with non-zero status 124" "$work/time" && { echo "timeout timeout"; return; }
    echo "failed: $(head -1 "$work/err")" >&2
  fi
  tail -1 "$work/time" | awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }'
}

# CPU time (user + system) is the measure: wall time on a shared machine
# mostly measures the other processes.
printf '%-11s %9s %8s %8s %9s %8s %8s %7s\n' input "¼ MB" "¼ cpu s" "¼ MB/s" "full MB" "cpu s" "MB/s" ratio
for kind in line dates guillemets capitals digits; do
  q=$work/$kind.quarter.txt f=$work/$kind.full.txt
  qs=$(run "$q") fs=$(run "$f")
  python3 - "$kind" "$(stat -c %s "$q")" "$qs" "$(stat -c %s "$f")" "$fs" <<'PY'
import sys
kind, qb, qs, fb, fs = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), int(sys.argv[4]), sys.argv[5].split()
rate = lambda b, s: b / 1e6 / max(float(s[1]), 0.01) if s[1] != "timeout" else 0.0
qr, fr = rate(qb, qs), rate(fb, fs)
ratio = f"{fr / qr:.2f}" if qr and fr else "-"
print(f"{kind:<11} {qb/1e6:9.2f} {qs[1]:>8} {qr:8.2f} {fb/1e6:9.2f} {fs[1]:>8} {fr:8.2f} {ratio:>7}"
      f"   (wall {qs[0]} s, {fs[0]} s)")
PY
done
