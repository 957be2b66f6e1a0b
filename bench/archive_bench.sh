#!/usr/bin/env bash
# The claim archive (issue 15): generates N documents (half Chinese, half English, about 1 KiB
# each, written here from templates), then times with /usr/bin/time (wall seconds, peak memory):
#   1. archive add of the N documents into a new archive
#   2. archive add of the same N documents again (unchanged: hashes only)
#   3. check --draft of one draft against the archive
#   4. the same draft check against the folder (a plain check, for comparison)
#   5. check --archive (the archive's own findings) and a plain check of the folder
# Usage: bash bench/archive_bench.sh [N] [JOBS]   (default 2000 documents, 2 threads)
#   ARCHIVE=postgresql://... bash bench/archive_bench.sh [N] [JOBS]   the same on an empty
#   PostgreSQL database (e.g. the one `bash .ci/postgres start DIR` prints)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
jobs=${2:-2}
bin=${FACTCHECK:-build/checker/factcheck}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
archive=${ARCHIVE:-$work/a.db}

python3 - "$work/docs" "$count" <<'EOF'
import os, random, sys
folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(folder)
rng = random.Random(15)
zh_names = ["青禾", "远澄", "川岳", "明湾", "北辰", "星澜", "云杉", "海棠"]
en_names = ["Qinghe", "Yuancheng", "Chuanyue", "Mingwan", "Beichen", "Xinglan", "Yunshan", "Haitang"]
for i in range(count):
    k = i % len(zh_names)
    model = f"{rng.randint(1, 400)}"
    year = 2020 + i % 6
    price = 1000 + 100 * rng.randint(0, 40)
    hours = rng.randint(2, 30)
    day = f"{year}-0{1 + i % 9}-1{i % 10}"
    if i % 2 == 0:
        body = (f"{zh_names[k]}科技发布了新款机器人{zh_names[k]}R{model}。{zh_names[k]}R{model}的售价为{price}元，"
                f"续航时间为{hours}小时。公司表示，{year}年营收为{rng.randint(10, 90)}亿元，同比增长{rng.randint(2, 40)}%。\n") * 3
    else:
        body = (f"{en_names[k]} Technology released the {en_names[k]} R{model} robot. The {en_names[k]} R{model} is priced at "
                f"{price:,} yuan and runs for {hours} hours. The company said its revenue in {year} was "
                f"{rng.randint(10, 90)} billion yuan, up {rng.randint(2, 40)}%.\n") * 3
    with open(os.path.join(folder, f"d{i:07d}.md"), "w") as f:
        f.write(f"---\ntitle: Item {i}\npublished: {day}\n---\n{body}")
with open(os.path.join(os.path.dirname(folder), "draft.md"), "w") as f:
    f.write("---\ntitle: Draft\npublished: 2025-09-18\n---\n青禾科技的青禾R12售价为999元，续航时间为7小时。\n")
EOF

measure() {
  local label=$1
  shift
  /usr/bin/time -f "$label: %e s wall, %U s user, %M KB peak" "$@" >/dev/null 2>"$work/time.txt" || true
  tail -1 "$work/time.txt"
}

export CI=true  # no progress lines
echo "$count documents, $(du -sh "$work/docs" | cut -f1) on disk, -j $jobs"
measure "archive add (new)" "$bin" archive add "$work/docs" --archive "$archive" -j "$jobs" -q
measure "archive add (unchanged)" "$bin" archive add "$work/docs" --archive "$archive" -j "$jobs" -q
[ -f "$archive" ] && echo "archive file: $(du -sh "$archive" | cut -f1)"
measure "check --draft --archive" "$bin" check --draft "$work/draft.md" --archive "$archive" -j "$jobs" -q --format json --out "$work/r1"
measure "check --draft DOCS (plain)" "$bin" check "$work/docs" --draft "$work/draft.md" -j "$jobs" -q --format json --out "$work/r2"
measure "check --archive" "$bin" check --archive "$archive" -j "$jobs" -q --format json --out "$work/r3"
measure "check DOCS (plain)" "$bin" check "$work/docs" -j "$jobs" -q --format json --out "$work/r4"
