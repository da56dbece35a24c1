#!/usr/bin/env bash
# Times `policyq compare` (release build) on plans 1, 2, 4, 8, 16 and 32 times the size of seeds 000
# and 003: each copy's measures renumbered and marked with the copy's number, so that every
# measure text is distinct (a repeated text is scored once and would not test the growth).
#   Scripts/benchmark-compare-doubling.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
binary=.build/release/policyq
folder=$(mktemp -d)
trap 'rm -rf "$folder"' EXIT
python3 - "$folder" <<'PY'
import re, sys
folder = sys.argv[1]
for seed, name in (("000_3cf4a8736e0c5b8a", "lower"), ("003_a778e69b8d33b23e", "upper")):
    text = open(f"corpus/documents/{seed}.txt", encoding="utf-8").read()
    for copies in (1, 2, 4, 8, 16, 32):
        parts = []
        for copy in range(copies):
            # Mark each measure line (1. … / （一）…) with the copy's number.
            parts.append(re.sub(r"(?m)^(\d+\.|（[一二三四五六七八九十]+）)(.*?。)",
                                lambda m: f"{m.group(1)}{m.group(2)}第{copy + 1}批。", text))
        open(f"{folder}/{name}-{copies}.txt", "w", encoding="utf-8").write("\n".join(parts))
PY
echo "| copies | lower KB | upper KB | median s |"
echo "|---:|---:|---:|---:|"
for copies in 1 2 4 8 16 32; do
  lower=$folder/lower-$copies.txt upper=$folder/upper-$copies.txt
  median=$(for _ in $(seq "$runs"); do
    start=$(date +%s%N); "$binary" compare "$lower" "$upper" >/dev/null; end=$(date +%s%N)
    echo $(((end - start) / 1000))
  done | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1e6}')
  echo "| $copies | $(($(wc -c <"$lower") / 1024)) | $(($(wc -c <"$upper") / 1024)) | $median |"
done
