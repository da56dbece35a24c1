#!/usr/bin/env bash
# Search benchmark: builds the index of (a) the seeds replicated to ~20 MB and (b)
# ../shared/corpus-real, times queries in process and as whole commands, and times
# grep -rc, rg -c and SQLite FTS5 (trigram) on the same files in the same run.
# Writes Benchmarks/results/search.md.   Scripts/benchmark-search.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
command -v rg >/dev/null || { apt-get install -y -qq ripgrep >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq ripgrep >/dev/null); }
command -v sqlite3 >/dev/null || { apt-get install -y -qq sqlite3 >/dev/null 2>&1 || true; }
# The release binaries as shipped: Swift runtime and Foundation linked statically (see README).
swift build -c release --static-swift-stdlib --product policyq >/dev/null
swift build -c release --static-swift-stdlib --package-path Benchmarks >/dev/null
bin=.build/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=Benchmarks/results/search.md
queries=(固废 碳达峰 绿色工厂 节能降碳 发展 人民政府 环境保护 新能源汽车 财政资金 2025)

# (a) seeds replicated to ~20 MB
mkdir -p "$work/seeds20"
copy=0
while [ "$(du -sb "$work/seeds20" | cut -f1)" -lt 20000000 ]; do
  for f in corpus/documents/*.txt; do cp "$f" "$work/seeds20/${copy}_$(basename "$f")"; done
  copy=$((copy + 1))
done

median_ms() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
one_ms() {  # runs a command once, appends its wall time in µs to file $1
  local file=$1; shift
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
  echo $(( (end - start) / 1000 )) >>"$file"
}
median_of() { median_ms <"$1" | awk '{printf "%.1f", $1/1000}'; }
time_ms() {  # runs a command N times, prints the median wall time in ms
  local n=$1; shift
  rm -f "$work/t.once"
  for _ in $(seq "$n"); do one_ms "$work/t.once" "$@"; done
  median_of "$work/t.once"
}

{
  echo "# policyq search benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; release build"
  echo "- reproduce: \`Scripts/benchmark-search.sh $runs\`"
} >"$out"

for corpus in "$work/seeds20" ../shared/corpus-real; do
  [ -d "$corpus" ] || continue
  name=$([ "$corpus" = "$work/seeds20" ] && echo "seeds ×N ≈ 20 MB" || echo "corpus-real")
  index="$work/index-$(basename "$corpus")"
  text_bytes=$(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
  # Indexing from scratch five times; the median of each figure (the VM drifts).
  rm -f "$work"/ix.*
  for _ in 1 2 3 4 5; do
    rm -rf "$index"
    # corpus-real holds a few empty files (laws/**/_index.md): policyq reports them and
    # exits 1, having indexed the rest.
    /usr/bin/time -v "$bin/policyq" index "$corpus" --index "$index" >"$work/index.out" 2>"$work/index.time" \
      || [ -f "$index/CURRENT" ]
    grep 'Elapsed' "$work/index.time" | awk '{print $NF}' | awk -F: '{print ($1*60)+$2}' >>"$work/ix.wall"
    awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$work/index.time" >>"$work/ix.cpu"
    grep 'Maximum resident' "$work/index.time" | awk '{print $NF}' >>"$work/ix.rss"
  done
  seconds=$(median_ms <"$work/ix.wall")
  cpu=$(median_ms <"$work/ix.cpu")
  rss=$(median_ms <"$work/ix.rss")
  index_bytes=$(du -sb "$index/$(cat "$index/CURRENT")" | cut -f1)
  # SQLite FTS5 trigram over the same files
  db="$work/fts-$(basename "$corpus").db"
  fts_start=$(date +%s%N)
  sqlite3 "$db" "CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, tokenize='trigram'); INSERT INTO docs SELECT name, CAST(readfile(name) AS TEXT) FROM fsdir('$corpus') WHERE name LIKE '%.txt' OR name LIKE '%.md' OR name LIKE '%.html';"
  fts_seconds=$(( ($(date +%s%N) - fts_start) / 1000000 ))
  {
    echo
    echo "## $name"
    echo
    echo "| | value |"
    echo "|---|---:|"
    echo "| files | $(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | wc -l) |"
    echo "| text MB | $(awk "BEGIN {printf \"%.1f\", $text_bytes/1e6}") |"
    echo "| policyq index: wall seconds, median of 5 (read and parse on one thread, postings on another) | $seconds |"
    echo "| policyq index: CPU seconds (user + system), median of 5 | $cpu |"
    echo "| policyq index: MB/s per core (text MB / CPU seconds) | $(awk "BEGIN {printf \"%.1f\", $text_bytes/1e6/$cpu}") |"
    echo "| policyq index: peak RSS MB | $(awk "BEGIN {printf \"%.0f\", $rss/1024}") |"
    echo "| index size / text | $(awk "BEGIN {printf \"%.2f\", $index_bytes/$text_bytes}") |"
    echo "| SQLite FTS5 trigram build seconds | $(awk "BEGIN {printf \"%.1f\", $fts_seconds/1000}") |"
    echo
    echo "Whole commands, median of 15 runs taken in turns (policyq, grep, rg, sqlite3, policyq, …), ms (\`policyq search Q --limit 10\` includes process start, opening the index and snippets):"
    echo
    echo "| query | policyq search | grep -rc | rg -c | sqlite3 FTS5 trigram | policyq matches (no synonyms, as grep) |"
    echo "|---|---:|---:|---:|---:|---:|"
  } >>"$out"
  for q in "${queries[@]}"; do
    # The four commands take turns, run by run, so that the VM's drift falls on all alike.
    rm -f "$work"/t.*
    for _ in $(seq 15); do
      one_ms "$work/t.p" "$bin/policyq" search "$q" --index "$index" --limit 10
      one_ms "$work/t.g" grep -rc "$q" "$corpus"
      one_ms "$work/t.r" rg -c "$q" "$corpus"
      one_ms "$work/t.s" sqlite3 "$db" "SELECT count(*) FROM docs WHERE docs MATCH '\"$q\"';"
    done
    p=$(median_of "$work/t.p"); g=$(median_of "$work/t.g"); r=$(median_of "$work/t.r"); s=$(median_of "$work/t.s")
    matches=$({ "$bin/policyq" search "$q" --index "$index" --limit 1 --no-synonyms || true; } | tail -1 | awk '{print $1}')
    echo "| $q | $p | $g | $r | $s | $matches |" >>"$out"
  done
  {
    echo
    echo "In process (\`policyq-benchmarks search\`):"
    echo
    Benchmarks/.build/release/policyq-benchmarks search --index "$index" --runs "$runs" | sed -n '/^| query/,$p'
    echo
    echo "The same without the word layer (BM25 alone, \`--no-word-ranking\`):"
    echo
    Benchmarks/.build/release/policyq-benchmarks search --index "$index" --runs "$runs" --no-word-ranking | sed -n '/^| query/,$p'
    echo
    echo "Where one whole \`policyq search 固废\` goes besides process start (\`policyq-benchmarks startup\`, one fresh process):"
    echo
    Benchmarks/.build/release/policyq-benchmarks startup --index "$index" | sed -n '/^| step/,/^$/p'
    echo "Process start with ArgumentParser (\`policyq --version\`, median of 15; \`policyq search\` with plain arguments skips ArgumentParser): $(time_ms 15 "$bin/policyq" --version) ms"
  } >>"$out"
done
cat "$out"
