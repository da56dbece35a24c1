#!/usr/bin/env bash
# Scale benchmark (issue 16): is everything linear? Makes corpora of 1, 4 and 16 copies of
# ../shared/corpus-real (about 64 MB, 256 MB and 1 GB of text) and, for each size in the
# same run, times `policyq extract --format jsonl`, `policyq index` from scratch (wall,
# CPU, peak RSS, index size) and `policyq search` as a whole command against `rg -c` and
# `grep -rc`, the three taking turns run by run. Writes Benchmarks/results/scale.md.
#   Scripts/benchmark-scale.sh [copies ...]      (default: 1 4 16)
# Environment:
#   POLICYQ_BIN=path  time this binary instead of building the release binary
#   RUNS=n            search runs per query and tool (default 11; the first is a warm-up,
#                     discarded; the median of the others is shown)
#   CORPUS=dir        the corpus to copy (default ../shared/corpus-real)
#   KEEP=1            keep the work directory (made under $TMPDIR, else /tmp)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
corpus=${CORPUS:-../shared/corpus-real}
out=Benchmarks/results/scale.md
queries=(人民政府 固废 碳达峰 绿色工厂 发展 2025 "节能 降碳 财政" "人民政府 发展 2025" "绿色 工厂 牵头")

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 4 16)
for n in "${sizes[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "benchmark-scale: '$n' is not a number of copies (1, 4, 16 …)" >&2; exit 2; }
done
mapfile -t sizes < <(printf '%s\n' "${sizes[@]}" | sort -n -u)
most=${sizes[-1]}
if ! [[ $runs =~ ^[0-9]+$ ]] || [ "$runs" -lt 2 ]; then
  echo "benchmark-scale: RUNS must be at least 2 (the first is discarded)" >&2
  exit 2
fi
[ -d "$corpus" ] || { echo "benchmark-scale: no corpus at $corpus (set CORPUS)" >&2; exit 2; }

command -v rg >/dev/null || { apt-get install -y -qq ripgrep >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq ripgrep >/dev/null); }
[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq time >/dev/null); }

if [ -n "${POLICYQ_BIN:-}" ]; then
  bin=$(realpath "$POLICYQ_BIN")
  [ -x "$bin" ] || { echo "benchmark-scale: POLICYQ_BIN=$POLICYQ_BIN is not an executable" >&2; exit 2; }
else
  # The release binary as the README installs it: Swift runtime and Foundation static.
  swift build -c release --static-swift-stdlib --product policyq >/dev/null
  bin=$PWD/.build/release/policyq
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/policyq-scale.XXXXXX")
cleanup() {
  if [ "${KEEP:-0}" = 1 ]; then echo "benchmark-scale: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
progress() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# --- the copies -------------------------------------------------------------------------
# Hard links cost no disk, but policyq reads a file reached by two paths once (by device
# and inode, FileIdentity): if it does so with hard links, the copies are real copies.
mkdir -p "$work/probe/a"
printf '关于印发测试方案的通知\n\n一、加强节能降碳工作。\n' >"$work/probe/a/x.txt"
copies_cost=1
if ! cp -al "$work/probe/a" "$work/probe/b" 2>/dev/null || ! cp -al "$corpus" "$work/probe/corpus" 2>/dev/null; then
  copy_how="real copies (\`cp -r\`): hard links to the corpus cannot be made in $work"
elif [ "$("$bin" extract "$work/probe/a" "$work/probe/b" --format jsonl 2>/dev/null | wc -l)" -ne 2 ]; then
  copy_how="real copies (\`cp -r\`): policyq reads a hard-linked file once (it de-duplicates by inode)"
else
  copy_how="hard links (\`cp -al\`): policyq reads each linked path"
  copies_cost=0
fi
if [ "$copies_cost" = 1 ]; then
  copy() { cp -r --reflink=auto "$corpus" "$1"; }
else
  copy() { cp -al "$corpus" "$1"; }
fi
# Disk: the copies (unless linked) and the largest index (about 2.4 times the text; each
# size's index is removed after its searches unless KEEP=1), with a margin.
corpus_bytes=$(du -sb "$corpus" | cut -f1)
need_bytes=$((corpus_bytes * most * (copies_cost + 3)))
free_bytes=$(df -B1 --output=avail "$work" | tail -1)
if [ "$need_bytes" -gt "$free_bytes" ]; then
  echo "benchmark-scale: $most copies need about $((need_bytes / 1000000)) MB in $work; $((free_bytes / 1000000)) MB free" >&2
  exit 2
fi
rm -rf "$work/probe"
progress "making $most copies of $corpus: $copy_how"
mkdir -p "$work/copies"
for i in $(seq "$most"); do copy "$work/copies/$i"; done

# --- measuring ----------------------------------------------------------------------------
# /usr/bin/time -v output in $1 → "wall_s cpu_s peak_kb" (wall read from h:mm:ss or m:ss).
time_fields() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i] }
    /User time|System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", wall, cpu, rss }' "$1"
}
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
now_us() { echo "${EPOCHREALTIME/./}"; }
one_run() {  # one_run FILE COMMAND…: appends the command's wall time in µs to FILE
  local file=$1 start
  shift
  start=$(now_us)
  "$@" >/dev/null 2>&1 || true
  echo $(($(now_us) - start)) >>"$file"
}
median_ms() { tail -n +2 "$1" | median | awk '{printf "%.1f", $1 / 1000}'; }  # first run dropped
mb() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1e6}'; }
kb_mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }
fail_unless_ok() {  # fail_unless_ok STATUS WHAT STDERR-FILE: 0 and 1 (some files reported) pass
  if [ "$1" -gt 1 ]; then
    echo "benchmark-scale: $2 exited with $1:" >&2
    tail -5 "$3" >&2
    exit 1
  fi
}

has_jobs=0
"$bin" extract --help 2>&1 | grep -q -- '--jobs' && has_jobs=1
cores=$(nproc)
declare -A text files docs failed xw1 xk1 xw xc xk iw ic ik ib sq
minimum_ratio="" minimum_where=""
warnings=()
: >"$work/search.md"

for n in "${sizes[@]}"; do
  paths=()
  for i in $(seq "$n"); do paths+=("$work/copies/$i"); done
  label="$n $([ "$n" = 1 ] && echo copy || echo copies)"
  text[$n]=$(find "${paths[@]}" -type f \( -iname '*.txt' -o -iname '*.text' -o -iname '*.md' -o -iname '*.markdown' \
    -o -iname '*.html' -o -iname '*.htm' -o -iname '*.xhtml' -o -iname '*.shtml' -o -iname '*.docx' \) -printf '%s\n' \
    | awk '{s += $1} END {print s + 0}')
  files[$n]=$(find "${paths[@]}" -type f | wc -l)

  # extract: the documents written (JSON lines) counted as a check that no copy was dropped
  if [ "$has_jobs" = 1 ]; then
    progress "$label: extract --jobs 1"
    set +e
    /usr/bin/time -v -o "$work/time" "$bin" extract "${paths[@]}" --format jsonl --jobs 1 2>"$work/err" | wc -l >"$work/lines"
    status=${PIPESTATUS[0]}
    set -e
    fail_unless_ok "$status" "extract --jobs 1 ($label)" "$work/err"
    read -r wall _ peak < <(time_fields "$work/time")
    xw1[$n]=$wall xk1[$n]=$peak
  else
    xw1[$n]="—" xk1[$n]=""
  fi
  progress "$label: extract"
  set +e
  /usr/bin/time -v -o "$work/time" "$bin" extract "${paths[@]}" --format jsonl 2>"$work/err" | wc -l >"$work/lines"
  status=${PIPESTATUS[0]}
  set -e
  fail_unless_ok "$status" "extract ($label)" "$work/err"
  read -r wall cpu peak < <(time_fields "$work/time")
  xw[$n]=$wall xc[$n]=$cpu xk[$n]=$peak
  docs[$n]=$(cat "$work/lines")
  failed[$n]=$(grep -c ': error:' "$work/err" || true)

  # index from scratch
  progress "$label: index"
  index="$work/index-$n"
  rm -rf "$index"
  set +e
  /usr/bin/time -v -o "$work/time" "$bin" index "${paths[@]}" --index "$index" >"$work/out" 2>"$work/err"
  status=$?
  set -e
  fail_unless_ok "$status" "index ($label)" "$work/err"
  [ -f "$index/CURRENT" ] || { echo "benchmark-scale: index ($label) wrote no index" >&2; tail -5 "$work/err" >&2; exit 1; }
  read -r wall cpu peak < <(time_fields "$work/time")
  iw[$n]=$wall ic[$n]=$cpu ik[$n]=$peak
  ib[$n]=$(du -sb "$index" | cut -f1)
  # Checks that every copy was read: the index holds what extract wrote, and each size
  # holds its number of copies times the documents of the first size.
  indexed=$(awk '/^indexed/ {print $2; exit}' "$work/out")
  if [ "$indexed" != "${docs[$n]}" ]; then
    warnings+=("$label: index read ${indexed:-?} documents, extract wrote ${docs[$n]}")
  fi
  first=${sizes[0]}
  if [ $((docs[$first] * n)) -ne $((docs[$n] * first)) ]; then
    warnings+=("$label: ${docs[$n]} documents, not $n ÷ $first times the ${docs[$first]} of $first")
  fi

  # search: policyq, rg, grep taking turns, run by run
  progress "$label: search, $runs runs of each tool per query"
  {
    echo
    echo "### $label, $(mb "${text[$n]}") MB of text"
    echo
    echo "| query | policyq matches | policyq search ms | rg -c ms | grep -rc ms | rg / policyq |"
    echo "|---|---:|---:|---:|---:|---:|"
  } >>"$work/search.md"
  rows=() row_ratios=() policyq_ms=()
  for q in "${queries[@]}"; do
    read -r -a terms <<<"$q"
    pattern=$q shown=$q
    if [ ${#terms[@]} -gt 1 ]; then
      # rg and grep cannot AND terms on a line: they count the rarest term alone.
      rarest="" fewest=""
      for t in "${terms[@]}"; do
        count=$( (rg -c --no-filename -- "$t" "${paths[@]}" || true) | awk '{s += $1} END {print s + 0}')
        if [ -z "$fewest" ] || [ "$count" -lt "$fewest" ]; then fewest=$count rarest=$t; fi
      done
      pattern=$rarest shown="$q (rg, grep: $rarest)"
    fi
    # One run to check the command (0: found, 1: nothing found) and read its match count.
    set +e
    matches=$("$bin" search "$q" --index "$index" --limit 1 --color never 2>"$work/err" | tail -1)
    status=${PIPESTATUS[0]}
    set -e
    fail_unless_ok "$status" "search '$q' ($label)" "$work/err"
    matches=${matches%% *}
    rm -f "$work"/t.*
    for _ in $(seq "$runs"); do
      one_run "$work/t.p" "$bin" search "$q" --index "$index" --limit 10 --color never
      one_run "$work/t.r" rg -c -- "$pattern" "${paths[@]}"
      one_run "$work/t.g" grep -rc -- "$pattern" "${paths[@]}"
    done
    p=$(median_ms "$work/t.p") r=$(median_ms "$work/t.r") g=$(median_ms "$work/t.g")
    policyq_ms+=("$p")
    row_ratios+=("$(ratio "$r" "$p")")
    rows+=("| $shown | $matches | $p | $r | $g |")
  done
  low=$(printf '%s\n' "${row_ratios[@]}" | sort -g | head -1)
  for i in "${!rows[@]}"; do
    if [ "${row_ratios[$i]}" = "$low" ]; then
      echo "${rows[$i]} **${row_ratios[$i]}** (minimum) |" >>"$work/search.md"
    else
      echo "${rows[$i]} ${row_ratios[$i]} |" >>"$work/search.md"
    fi
  done
  sq[$n]=$(printf '%s\n' "${policyq_ms[@]}" | median)
  if [ -z "$minimum_ratio" ] || awk -v a="$low" -v b="$minimum_ratio" 'BEGIN {exit !(a < b)}'; then
    minimum_ratio=$low minimum_where=$label
  fi
  [ "${KEEP:-0}" = 1 ] || rm -rf "$index"
  progress "$label: done (rg / policyq at least $low)"
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
for w in "${warnings[@]}"; do echo "benchmark-scale: warning: $w" >&2; done

# --- the report ---------------------------------------------------------------------------
if ! libraries=$(ldd "$bin" 2>/dev/null); then
  static="not a dynamic executable (a wrapper?)"
elif grep -q -i swift <<<"$libraries"; then
  static="Swift runtime linked dynamically"
else
  static="Swift runtime linked statically"
fi
{
  echo "# Scale benchmark: time and memory as the corpus grows"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); reproduce: \`Scripts/benchmark-scale.sh ${sizes[*]}\` (RUNS=$runs)"
  echo "- machine: $cores cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
  echo "- load average (1, 5, 15 min): $load_start at start, $load_end at end"
  echo "- binary: \`$bin\`, policyq $("$bin" --version), $(stat -c %s "$bin" | awk '{printf "%.0f", $1 / 1e6}') MB, built $(date -u -r "$bin" +%Y-%m-%dT%H:%MZ), $static"
  echo "- corpus: copies of \`$corpus\` ($(awk -v t="${text[${sizes[0]}]}" -v n="${sizes[0]}" 'BEGIN {printf "%.1f", t / n / 1e6}') MB of text a copy), as $copy_how; the files are in the page cache (each size is read by extract first)"
  for w in "${warnings[@]}"; do echo "- **warning: $w** (copies dropped? the figures do not measure what they say)"; done
  echo
  echo "Wall and CPU (user + system) seconds and peak RSS from \`/usr/bin/time -v\`, one run each."
  if [ "$has_jobs" = 1 ]; then
    echo "\`extract --format jsonl\` (to a pipe) with \`--jobs 1\` and with the default jobs ($cores cores);"
  else
    echo "\`extract --format jsonl\` (to a pipe) as the binary runs it (it has no \`--jobs\`: the jobs-1 column is empty);"
  fi
  echo "documents: the JSON lines it wrote; errors: the files it reported (empty or unreadable; the others are read). \`index\` from scratch; MB/s per core = text MB ÷ CPU seconds; index ÷ text = the index directory's bytes ÷ the text bytes."
  echo
  echo "| copies | files | text MB | documents | errors | extract jobs 1: wall s | peak MB | extract: wall s | CPU s | peak MB | index: wall s | CPU s | peak MB | MB/s per core | index ÷ text |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for n in "${sizes[@]}"; do
    echo "| $n | ${files[$n]} | $(mb "${text[$n]}") | ${docs[$n]} | ${failed[$n]} | ${xw1[$n]} | $([ -n "${xk1[$n]}" ] && kb_mb "${xk1[$n]}" || echo "—") | ${xw[$n]} | ${xc[$n]} | $(kb_mb "${xk[$n]}") | ${iw[$n]} | ${ic[$n]} | $(kb_mb "${ik[$n]}") | $(awk -v t="${text[$n]}" -v c="${ic[$n]}" 'BEGIN {printf "%.1f", (c > 0 ? t / 1e6 / c : 0)}') | $(ratio "${ib[$n]}" "${text[$n]}") |"
  done
  echo
  for i in $(seq 1 $((${#sizes[@]} - 1))); do
    a=${sizes[$((i - 1))]} b=${sizes[$i]}
    echo "Linear? $b copies ÷ $a: text ×$(ratio "${text[$b]}" "${text[$a]}"); extract wall ×$(ratio "${xw[$b]}" "${xw[$a]}"), CPU ×$(ratio "${xc[$b]}" "${xc[$a]}"), peak ×$(ratio "${xk[$b]}" "${xk[$a]}"); index wall ×$(ratio "${iw[$b]}" "${iw[$a]}"), CPU ×$(ratio "${ic[$b]}" "${ic[$a]}"), peak ×$(ratio "${ik[$b]}" "${ik[$a]}"), size ×$(ratio "${ib[$b]}" "${ib[$a]}"); policyq search (median of the queries' medians) ×$(ratio "${sq[$b]}" "${sq[$a]}")."
    echo
  done
  echo "## Search, whole commands"
  echo
  echo "\`policyq search Q --limit 10\` (process start, opening the index, the top 10 with snippets), \`rg -c Q\` and \`grep -rc Q\` over the same copies,"
  echo "taking turns run by run; the median of $((runs - 1)) runs after one warm-up run, in ms. rg and grep cannot AND terms on a line:"
  echo "for a query of three terms they count the rarest term alone (named in the row), less work than the AND policyq answers."
  echo "The lowest rg / policyq ratio of each size is marked; over all sizes it is $minimum_ratio ($minimum_where)."
  cat "$work/search.md"
} >"$work/scale.md"
mkdir -p "$(dirname "$out")"
cp "$work/scale.md" "$out"
cat "$out"
