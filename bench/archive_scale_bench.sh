#!/usr/bin/env bash
# Issue 15: a draft checked against a large archive. Builds (or reuses) an archive of N generated
# documents, added in batches of B so that no step holds more than B documents, then times
# `check --draft draft.md --archive A` three times with /usr/bin/time (wall, user, peak memory).
#
# The documents are product news, half Chinese and half English, about 1 KiB each: 1,600 makers
# (two-character names and their pinyin), 4,000 model numbers, prices, battery life, revenue, growth.
# A draft about one model meets the few archived documents about it (and their other script).
#
# Usage: bash bench/archive_scale_bench.sh N [B] [JOBS]
#   ARCHIVE=FILE|postgresql://...  the archive (default $TMPDIR/factcheck-bench-archive-N.db);
#   an archive that already holds N documents is reused, not built again.
#   READD=1  keeps the generated files of a new build and times `archive add` of all of them again
#   (every document unchanged) once the archive is built.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:?usage: archive_scale_bench.sh N [BATCH] [JOBS]}
batch=${2:-50000}
jobs=${3:-2}
bin=${FACTCHECK:-build/checker/factcheck}
archive=${ARCHIVE:-${TMPDIR:-/tmp}/factcheck-bench-archive-$count.db}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CI=true  # no progress lines

generate() {  # generate FOLDER FIRST COUNT
  python3 - "$1" "$2" "$3" <<'PY'
import os, random, sys
folder, first, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(folder, exist_ok=True)
chars = list("青禾远澄川岳明湾北辰星澜云杉海棠金石白鹭长风锦华天宇嘉和安泰宏图瑞丰永盛鼎新")
pinyin = ["qing", "he", "yuan", "cheng", "chuan", "yue", "ming", "wan", "bei", "chen", "xing", "lan", "yun", "shan", "hai",
          "tang", "jin", "shi", "bai", "lu", "chang", "feng", "jin", "hua", "tian", "yu", "jia", "he", "an", "tai", "hong",
          "tu", "rui", "feng", "yong", "sheng", "ding", "xin"]
makers = [(chars[a] + chars[b], (pinyin[a] + pinyin[b]).capitalize()) for a in range(len(chars)) for b in range(len(chars)) if a != b]
for i in range(first, first + count):
    rng = random.Random(i)
    zh, en = makers[rng.randrange(len(makers))]
    model = rng.randint(1, 4000)
    year = 2020 + i % 6
    price = rng.randint(1000, 9999)
    hours = rng.randint(2, 30)
    revenue = rng.randint(1000, 9999) / 100
    growth = rng.randint(2, 40)
    day = f"{year}-0{1 + i % 9}-1{i % 10}"
    if i % 2 == 0:
        body = (f"{zh}科技发布了新款机器人{zh}R{model}。{zh}R{model}的售价为{price}元，续航时间为{hours}小时。"
                f"公司表示，{year}年营收为{revenue}亿元，同比增长{growth}%。\n") * 3
    else:
        body = (f"{en} Technology released the {en} R{model} robot. The {en} R{model} is priced at {price:,} yuan and runs "
                f"for {hours} hours. The company said its revenue in {year} was {revenue} billion yuan, up {growth}%.\n") * 3
    with open(os.path.join(folder, f"d{i:07d}.md"), "w") as f:
        f.write(f"---\ntitle: Item {i}\npublished: {day}\n---\n{body}")
PY
}

stored=$("$bin" archive stats --archive "$archive" 2>/dev/null | sed -n 's/^\([0-9]*\) document(s).*/\1/p' || true)
if [ "${stored:-0}" != "$count" ]; then
  echo "building $archive: $count documents in batches of $batch, -j $jobs"
  start=$(date +%s)
  for ((first = 0; first < count; first += batch)); do
    n=$((count - first < batch ? count - first : batch))
    generate "$work/docs/b$first" "$first" "$n"
    /usr/bin/time -f "  add $first..$((first + n - 1)): %e s wall, %U s user, %S s system, %M KB peak" \
      "$bin" archive add "$work/docs/b$first" --archive "$archive" -j "$jobs" -q 2>&1 | tail -1
    [ "${READD:-0}" = 1 ] || rm -rf "$work/docs/b$first"
  done
  echo "built in $(( $(date +%s) - start )) s"
  if [ "${READD:-0}" = 1 ]; then
    # Each batch folder is its own root, so the ids are the file names, as when it was added.
    /usr/bin/time -f "  add of all $count again, unchanged: %e s wall, %U s user, %S s system, %M KB peak" \
      "$bin" archive add "$work"/docs/b* --archive "$archive" -j "$jobs" -q 2>&1 | tail -1
    rm -rf "$work/docs"
  fi
fi
[ -f "$archive" ] && echo "archive file: $(du -sh "$archive" | cut -f1)"
"$bin" archive stats --archive "$archive" | tail -1
printf -- "---\ntitle: Draft\npublished: 2025-09-18\n---\n青禾科技的青禾R12售价为999元，续航时间为7小时。2024年营收为12.345亿元。\n" > "$work/draft.md"
for run in 1 2 3; do
  /usr/bin/time -f "check --draft draft.md --archive A (run $run): %e s wall, %U s user, %M KB peak" \
    "$bin" check --draft "$work/draft.md" --archive "$archive" -j "$jobs" -q --format json --out "$work/r" 2>&1 | tail -1 || true
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('  read', r['archive'], 'findings', len(r['findings']))" "$work/r/report.json"
done
