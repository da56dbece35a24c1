#!/usr/bin/env bash
# Export benchmark: `policyq export --sqlite` and `export --opensearch` of
# ../shared/corpus-real beside `policyq extract --format jsonl` of the same files, taking
# turns run by run (the VM's speed drifts), release build as installed. Medians of N runs
# (default 3): wall seconds, CPU seconds, peak RSS, MB/s of text, output size.
# Writes Benchmarks/results/export.md.   Scripts/benchmark-export.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
corpus=../shared/corpus-real
[ -d "$corpus" ] || { echo "no $corpus: nothing to measure" >&2; exit 1; }
# The release binary as shipped: Swift runtime and Foundation linked statically (see README).
swift build -c release --static-swift-stdlib --product policyq >/dev/null
bin=.build/release/policyq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=Benchmarks/results/export.md
text_bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.docx' \) -printf '%s\n' | awk '{s+=$1} END {print s}')

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Runs a command under /usr/bin/time -v; appends wall s, CPU s, peak RSS KB to $1.*
measure() {
  local name=$1; shift
  # corpus-real holds a few empty files (laws/**/_index.md): policyq names them and exits
  # 1, having read the rest.
  /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  grep -q "Elapsed" "$work/time" || { echo "$name: not measured" >&2; tail -3 "$work/stderr" >&2; exit 1; }
  grep 'Elapsed' "$work/time" | awk '{print $NF}' | awk -F: '{print ($1*60)+$2}' >>"$work/$name.wall"
  awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$work/time" >>"$work/$name.cpu"
  grep 'Maximum resident' "$work/time" | awk '{print $NF}' >>"$work/$name.rss"
}

for _ in $(seq "$runs"); do
  measure extract sh -c "\"$bin\" extract --format jsonl \"$corpus\" >\"$work/out.jsonl\"" 
  rm -f "$work/out.db"
  measure export "$bin" export --sqlite "$work/out.db" "$corpus"
  measure opensearch "$bin" export --opensearch "$work/opensearch" "$corpus"
done
jsonl_bytes=$(stat -c %s "$work/out.jsonl")
db_bytes=$(stat -c %s "$work/out.db")
bulk_bytes=$(cat "$work"/opensearch/bulk-*.ndjson | wc -c)
counts=$(sqlite3 "$work/out.db" "SELECT (SELECT count(*) FROM documents) || ' documents, ' || (SELECT count(*) FROM measures) || ' measures, ' || (SELECT count(*) FROM responsibilities) || ' responsibility rows, ' || (SELECT count(*) FROM targets) || ' targets, ' || (SELECT count(*) FROM \"references\") || ' references'")

row() {
  local name=$1 label=$2 bytes=$3
  local wall cpu rss
  wall=$(median <"$work/$name.wall")
  cpu=$(median <"$work/$name.cpu")
  rss=$(median <"$work/$name.rss")
  awk -v l="$label" -v w="$wall" -v c="$cpu" -v r="$rss" -v t="$text_bytes" -v b="$bytes" \
    'BEGIN {printf "| %s | %.2f | %.2f | %.1f | %.0f | %.1f |\n", l, w, c, t/1e6/w, r/1024, b/1e6}'
}

{
  echo "# policyq export benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; release build (--static-swift-stdlib); SQLite $(sqlite3 --version | cut -d' ' -f1)"
  echo "- corpus: ../shared/corpus-real, $(awk -v t="$text_bytes" 'BEGIN {printf "%.1f", t/1e6}') MB of source files; $counts"
  echo "- medians of $runs runs, the three commands taking turns; MB/s = source MB / wall seconds"
  echo "- reproduce: \`Scripts/benchmark-export.sh $runs\`"
  echo
  echo "| command | wall s | CPU s | MB/s | peak RSS MB | output MB |"
  echo "|---|---:|---:|---:|---:|---:|"
  row extract "\`extract --format jsonl\` (to a file)" "$jsonl_bytes"
  row export "\`export --sqlite\`" "$db_bytes"
  row opensearch "\`export --opensearch\` (bulk files)" "$bulk_bytes"
} >"$out"
cat "$out"
