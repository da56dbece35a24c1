#!/usr/bin/env bash
# Scaling benchmark: each case in Scripts/scaling/ makes an input of size N and of 2N, and
# times one command on each (release build, median of 3 runs). The time should about
# double; a case whose ratio passes 2.6 (a quadratic path gives about 4) fails the script.
#   Scripts/benchmark-scaling.sh [case ...]     (default: every case)
# A case is a script with two commands:
#   CASE make N DIR   writes the input of size N (the case's own unit) into DIR
#   CASE run DIR BIN  runs the command to time (BIN: the policyq binary)
# and a line `# base: N` giving its base size. Results: Benchmarks/results/scaling.md.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --product policyq >/dev/null
bin=$PWD/.build/release/policyq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cases=("$@")
[ ${#cases[@]} -eq 0 ] && cases=(Scripts/scaling/*.sh)
out=Benchmarks/results/scaling.md
{
  echo "# Scaling benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) cores; release build"
  echo "- reproduce: \`Scripts/benchmark-scaling.sh\`; each time the median of 3 runs"
  echo
  echo "| case | N | seconds at N | seconds at 2N | ratio | peak MB at 2N |"
  echo "|---|---:|---:|---:|---:|---:|"
} >"$out"
failed=0
for case in "${cases[@]}"; do
  name=$(basename "$case" .sh)
  base=$(awk '/^# base:/ {print $3}' "$case")
  seconds=()
  peak=0
  for size in "$base" $((base * 2)); do
    dir="$work/$name-$size"
    mkdir -p "$dir"
    bash "$case" make "$size" "$dir"
    runs=()
    for _ in 1 2 3; do
      /usr/bin/time -f "%e %M" -o "$work/time" bash "$case" run "$dir" "$bin" >/dev/null 2>&1 || true
      runs+=("$(awk '{print $1}' "$work/time")")
      peak=$(awk '{print int($2/1024)}' "$work/time")
    done
    seconds+=("$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)")
    rm -rf "$dir"
  done
  ratio=$(awk "BEGIN {printf \"%.2f\", ${seconds[1]} / (${seconds[0]} > 0 ? ${seconds[0]} : 0.01)}")
  echo "| $name | $base | ${seconds[0]} | ${seconds[1]} | $ratio | $peak |" >>"$out"
  echo "$name: N=$base ${seconds[0]} s, 2N ${seconds[1]} s, ratio $ratio, peak $peak MB"
  if awk "BEGIN {exit !($ratio > 2.6)}"; then
    echo "$name: the time grows faster than the input (ratio $ratio > 2.6)"
    failed=1
  fi
done
exit $failed
