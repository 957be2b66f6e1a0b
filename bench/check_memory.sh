#!/usr/bin/env bash
# Plain `check` at corpus scale (issue 15): peak memory and time of `factcheck check` over N
# generated documents (default 100,000; the generator of factcheck_compare_bench, --write), for
# an earlier build and this one, one after the other on the same files. Needs GNU time
# (/usr/bin/time, Debian package `time`).
#   bash bench/check_memory.sh BASE_FACTCHECK [N]
# BASE_FACTCHECK is the binary to compare with, for instance one built from the base commit:
#   git worktree add /tmp/base <commit> && cmake -S /tmp/base -B /tmp/base/build ... && cmake --build /tmp/base/build --target factcheck
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bash bench/check_memory.sh BASE_FACTCHECK [N]}
count=${2:-100000}
new=build/checker/factcheck
[ -x "$new" ] && [ -x build/bench/factcheck_compare_bench ] || { echo "build first (README, first command)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/bench/factcheck_compare_bench --documents "$count" --write "$work/corpus"
measure() {  # label binary
  local status=0
  /usr/bin/time -v "$2" check "$work/corpus" --out "$work/out-$1" -q -j 0 > /dev/null 2> "$work/time-$1" || status=$?
  [ "$status" -le 1 ] || { cat "$work/time-$1" >&2; exit 2; }
  local rss wall
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$1")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-$1")
  printf '%-6s peak RSS %7.0f MiB  wall %s  report.json %s  report.html %s\n' "$1" "$(echo "$rss / 1024" | bc -l)" "$wall" \
    "$(du -h "$work/out-$1/report.json" | cut -f1)" "$(du -h "$work/out-$1/report.html" | cut -f1)"
}
measure base "$base"
measure new "$new"
# The findings must not change: the reports agree but for the field the new one adds.
python3 - "$work/out-base/report.json" "$work/out-new/report.json" <<'PY'
import json, sys
def findings(path):
    with open(path) as f:
        for line in f:
            if line.startswith('  "findings": []'):
                return []
            if line.startswith('  "findings": ['):
                break
        text = '['
        for line in f:
            text += line
            if line.startswith('  ]'):
                break
    return json.loads(text.rstrip().rstrip(','))
a, b = findings(sys.argv[1]), findings(sys.argv[2])
print(f"findings: base {len(a)}, new {len(b)}, {'identical' if a == b else 'DIFFERENT'}")
PY
