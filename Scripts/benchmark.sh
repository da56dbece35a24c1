#!/usr/bin/env bash
# Runs the benchmarks in a release build and writes the figures to Benchmarks/results/.
#   Scripts/benchmark.sh [text|extract|compare|all] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${1:-all}
runs=${2:-5}
# The release binaries as shipped: Swift runtime and Foundation linked statically (see README).
swift build -c release --static-swift-stdlib --package-path Benchmarks >/dev/null
swift build -c release --static-swift-stdlib --product policyq >/dev/null
mkdir -p Benchmarks/results
if [ "$suite" = text ] || [ "$suite" = all ]; then
  Benchmarks/.build/release/policyq-benchmarks text --runs "$runs" --out Benchmarks/results/text-layer.md
fi
if [ "$suite" = compare ] || [ "$suite" = all ]; then
  out=Benchmarks/results/compare.md
  {
    echo "# policyq compare"
    echo
    echo "Whole command (process start, reading and parsing both files, comparing, text output), release build, median of $runs runs:"
    echo
    echo "| lower | upper | median s |"
    echo "|---|---|---:|"
  } >"$out"
  pairs=("corpus/documents/000_3cf4a8736e0c5b8a.txt corpus/documents/004_aa42c4c8ad46f893.txt"
    "corpus/documents/000_3cf4a8736e0c5b8a.txt corpus/documents/003_a778e69b8d33b23e.txt"
    "corpus/documents/002_854e3ab00ef1e5d7.txt corpus/documents/003_a778e69b8d33b23e.txt")
  laws=../shared/corpus-real/laws/DLC/河南地方法规/地方性法规/河南
  [ -d "$laws" ] && pairs+=("$laws/郑州市大气污染防治条例(2020-08-05).md $laws/河南省大气污染防治条例.md")
  for pair in "${pairs[@]}"; do
    lower=${pair% *}; upper=${pair#* }
    median=$(for _ in $(seq "$runs"); do
      start=$(date +%s%N); .build/release/policyq compare "$lower" "$upper" >/dev/null; end=$(date +%s%N)
      echo $(( (end - start) / 1000 ))
    done | sort -n | awk '{a[NR]=$1} END {printf "%.3f", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)/1e6}')
    echo "| $(basename "$lower") | $(basename "$upper") | $median |" >>"$out"
  done
  cat "$out"
fi
if [ "$suite" = extract ] || [ "$suite" = all ]; then
  out=Benchmarks/results/extraction.md
  Benchmarks/.build/release/policyq-benchmarks extract --runs "$runs" --out "$out"
  real=../shared/corpus-real
  if [ -d "$real" ] && [ -x /usr/bin/time ]; then
    /usr/bin/time -v .build/release/policyq extract --format jsonl "$real" >/dev/null 2>/tmp/policyq-time.txt || true
    {
      echo
      echo "## The command line on corpus-real"
      echo
      echo "\`policyq extract --format jsonl ../shared/corpus-real\` (read, parse, resolve references, write JSON):"
      echo
      grep -E "Elapsed|Maximum resident" /tmp/policyq-time.txt | sed 's/^\s*/- /'
      echo "- (the command holds every parsed document until references are resolved)"
    } >>"$out"
  fi
  cat "$out"
fi
