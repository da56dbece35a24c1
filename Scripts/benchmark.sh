#!/usr/bin/env bash
# Runs the benchmarks in a release build and writes the figures to Benchmarks/results/.
#   Scripts/benchmark.sh [text|extract|all] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${1:-all}
runs=${2:-5}
swift build -c release --product policyq-benchmarks >/dev/null
swift build -c release --product policyq >/dev/null
mkdir -p Benchmarks/results
if [ "$suite" = text ] || [ "$suite" = all ]; then
  .build/release/policyq-benchmarks text --runs "$runs" --out Benchmarks/results/text-layer.md
fi
if [ "$suite" = extract ] || [ "$suite" = all ]; then
  out=Benchmarks/results/extraction.md
  .build/release/policyq-benchmarks extract --runs "$runs" --out "$out"
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
