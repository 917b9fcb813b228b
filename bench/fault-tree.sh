#!/usr/bin/env bash
# Fault tolerance of `depeche batch` on a tree of 10,000 entries mixing good
# articles (fixtures/, some re-encoded to Latin-1), empty, white-space-only,
# binary and unreadable files, a FIFO and a folder named *.txt, a symbolic
# link loop and a dangling link, a deeply nested article and a 200 MB one.
# Checks:
#   * exit code 1;
#   * every good file's record present exactly once, no other record;
#   * every bad file reported exactly once on stderr with its reason, and
#     nothing else reported; links and FIFOs skipped silently (not followed,
#     not read: a FIFO would block);
#   * a second run (other thread count) gives the same bytes;
#   * -o is atomic: SIGTERM mid-run leaves the previous output whole (or no
#     file at all) and no temporary file; SIGKILL cannot be caught, but even
#     then the output file is the previous whole one.
# Unreadable files are chmod 000. Root reads them anyway, so when run as root
# the batch runs as `nobody` (setpriv), for which they are really unreadable.
# Not part of `cargo test`: it writes about 260 MB and takes minutes.
# Usage: bench/fault-tree.sh [big file MB, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
big_mb=${1:-200}
cargo build --release --quiet
work=$(mktemp -d)
trap 'chmod -R u+rwX "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp target/release/depeche "$work/depeche"
as=()
if [ "$(id -u)" = 0 ]; then
  as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  echo "running as root: the batch runs as nobody so that chmod 000 files are unreadable"
fi

python3 - "$work" "$big_mb" <<'PY'
import os, random, sys
work, big_mb = sys.argv[1], int(sys.argv[2])
tree = os.path.join(work, "tree")
rnd = random.Random(7)
sys.path.insert(0, "bench")
from fixture_texts import fixture_texts
texts = fixture_texts()
good, bad, entries = [], [], 0

def write(rel, data):
    global entries
    path = os.path.join(tree, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    entries += 1
    return "tree/" + rel

for n in range(9000):                                   # good UTF-8 articles
    good.append(write(f"good/{n // 100:03d}/{n:05d}.txt", texts[n % len(texts)].encode()))
for n in range(200):                                    # Latin-1 articles: good, with a warning
    good.append(write(f"latin1/{n:04d}.txt", texts[n % len(texts)].encode("cp1252", "replace")))
for n in range(250):
    bad.append((write(f"bad/empty/{n:04d}.txt", b""), "input is empty"))
for n in range(100):
    bad.append((write(f"bad/blank/{n:04d}.txt", b" \n\t\r\n" * (n + 1)), "input is empty"))
for n in range(300):
    data = bytes(rnd.randrange(256) for _ in range(rnd.randrange(16, 4096))) + b"\0"
    bad.append((write(f"bad/binary/{n:04d}.txt", data), "input looks binary"))
for n in range(100):
    p = write(f"bad/unreadable/{n:04d}.txt", texts[0].encode())
    os.chmod(os.path.join(work, p), 0)
    bad.append((p, "permission denied"))
for n in range(43):                                     # other extensions: ignored
    write(f"other/{n:02d}.{['md', 'jpg', 'TXT~', 'json'][n % 4]}", b"\0\1\2")
# A folder named *.txt is walked into; its article is good.
good.append(write("odd/folder.txt/inside.txt", texts[1].encode()))
# A FIFO named *.txt: not a regular file, skipped (reading it would block).
os.mkfifo(os.path.join(tree, "odd/fifo.txt")); entries += 1
# A symbolic link loop and a dangling link: links are not followed.
os.makedirs(os.path.join(tree, "odd/loop"))
os.symlink("..", os.path.join(tree, "odd/loop/up.txt")); entries += 1
os.symlink(".", os.path.join(tree, "odd/loop/self")); entries += 1
os.symlink("nowhere.txt", os.path.join(tree, "odd/dangling.txt")); entries += 1
# Deep nesting: 400 levels.
good.append(write("deep/" + "d/" * 400 + "article.txt", texts[2].encode()))
# One big article, paragraphs of every fixture.
body = "\n\n".join(texts).encode()
os.makedirs(os.path.join(tree, "big"))
with open(os.path.join(tree, "big/big.txt"), "wb") as f:
    size = 0
    while size < big_mb * 1_000_000:
        f.write(body); size += len(body)
entries += 1
good.append("tree/big/big.txt")
with open(os.path.join(work, "expected"), "w") as f:
    for g in good:
        f.write(f"good\t{g}\n")
    for p, why in bad:
        f.write(f"bad\t{p}\t{why}\n")
print(f"tree: {entries} entries, {len(good)} good articles, {len(bad)} bad files")
PY
chmod -R go+rX "$work" 2>/dev/null || true
find "$work/tree/bad/unreadable" -type f -exec chmod 000 {} +
mkdir "$work/out" && chmod 777 "$work/out"
cd "$work"
if [ ${#as[@]} -gt 0 ] && "${as[@]}" cat tree/bad/unreadable/0000.txt >/dev/null 2>&1; then
  echo "warning: unreadable files are readable to the batch user" >&2
fi

batch() { "${as[@]}" ./depeche batch tree --ref-date 2024-06-25 "$@"; }

t0=$(date +%s.%N)
set +e; batch -o out/run1.jsonl 2>stderr1; rc1=$?; set -e
t1=$(date +%s.%N)
set +e; batch -j 1 -o out/run2.jsonl 2>stderr2; rc2=$?; set -e
echo "run 1 (all cores): exit $rc1, $(python3 -c "print(f'{$t1 - $t0:.1f}')") s; run 2 (-j 1): exit $rc2"
tail -1 stderr1

python3 - <<'PY'
import json, sys
good, bad = [], {}
for line in open("expected"):
    f = line.rstrip("\n").split("\t")
    if f[0] == "good":
        good.append(f[1])
    else:
        bad[f[1]] = f[2]
ok = True
def fail(msg):
    global ok
    ok = False
    print("FAIL:", msg)
ids = []
warned = 0
for line in open("out/run1.jsonl", encoding="utf-8"):
    r = json.loads(line)
    ids.append(r["id"])
    if r["id"].startswith("tree/latin1/") and "input is not UTF-8: decoded as windows-1252" in r["warnings"]:
        warned += 1
seen = {}
for i in ids:
    seen[i] = seen.get(i, 0) + 1
missing = [g for g in good if g not in seen]
dup = [i for i, n in seen.items() if n > 1]
extra = [i for i in seen if i not in set(good)]
print(f"records: {len(ids)} (expected {len(good)}), missing {len(missing)}, duplicated {len(dup)}, unexpected {len(extra)}")
if missing or dup or extra or len(ids) != len(good):
    fail(f"records: missing {missing[:3]} duplicated {dup[:3]} unexpected {extra[:3]}")
if ids != sorted(ids):
    fail("records are not sorted by path")
if warned != 200:
    fail(f"{warned} of 200 Latin-1 records carry the decoding warning")
lines = open("stderr1", encoding="utf-8").read().splitlines()
summary = [l for l in lines if " articles, " in l and " failed, " in l]
reports = [l for l in lines if l not in summary]
count = {}
for l in reports:
    if not l.startswith("depeche: "):
        fail(f"unexpected stderr line: {l!r}")
        continue
    path, _, why = l[len("depeche: "):].partition(": ")
    count[path] = count.get(path, 0) + 1
    if path not in bad:
        fail(f"reported but not bad: {l!r}")
    elif not why.startswith(bad[path]):
        fail(f"{path}: reason {why!r}, expected {bad[path]!r}")
unreported = [p for p in bad if count.get(p, 0) == 0]
twice = [p for p, n in count.items() if n > 1]
print(f"bad files reported: {len(count)} of {len(bad)}, unreported {len(unreported)}, reported twice {len(twice)}")
if unreported or twice:
    fail(f"unreported {unreported[:3]} twice {twice[:3]}")
if not summary or f", {len(bad)} failed," not in summary[-1]:
    fail(f"summary line {summary[-1:]} does not count {len(bad)} failures")
sys.exit(0 if ok else 1)
PY
checks=$?
fail=0
[ "$checks" = 0 ] || fail=1
[ "$rc1" = 1 ] && [ "$rc2" = 1 ] || { echo "FAIL: exit codes $rc1 $rc2, expected 1"; fail=1; }
if cmp -s out/run1.jsonl out/run2.jsonl; then echo "second run (-j 1): same bytes"; else echo "FAIL: second run differs"; fail=1; fi

# Atomic -o: kill mid-run, then look at the output file.
interrupt() {  # signal, whether a previous output exists
  local sig=$1 prev=$2 out=out/killed.jsonl
  rm -f out/killed.jsonl out/.killed.jsonl.*.tmp
  [ "$prev" = yes ] && cp out/run1.jsonl "$out"
  "${as[@]}" ./depeche batch tree --ref-date 2024-06-25 -o "$out" 2>/dev/null &
  local pid=$!   # setpriv execs depeche: this is depeche's own id
  sleep 3
  kill "-$sig" "$pid"
  set +e; wait "$pid"; local rc=$?; set -e
  local tmp; tmp=$(ls -A out | grep -c '\.tmp$' || true)
  if [ "$prev" = yes ]; then
    cmp -s out/run1.jsonl "$out" && state="previous output whole" || { state="CHANGED"; fail=1; }
  else
    [ -e "$out" ] && { state="PRESENT"; fail=1; } || state="absent"
  fi
  echo "SIG$sig mid-run, previous output $prev: exit $rc, output $state, temporary files left: $tmp"
  [ "$sig" = KILL ] || [ "$tmp" = 0 ] || fail=1
  [ "$sig" = KILL ] || [ "$rc" = 130 ] || { echo "FAIL: exit $rc after SIG$sig, expected 130"; fail=1; }
  rm -f out/.killed.jsonl.*.tmp
}
interrupt TERM yes
interrupt TERM no
interrupt INT yes
interrupt KILL yes

[ "$fail" = 0 ] && echo "fault tree: all checks passed" || { echo "fault tree: FAILED"; exit 1; }
