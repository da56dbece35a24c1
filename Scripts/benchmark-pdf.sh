#!/usr/bin/env bash
# PDF benchmark: `policyq text` on a folder of PDFs printed like government documents
# (Scripts/make-gold-pdf.py: the gold documents with a pdf form, LibreOffice, GB/T 9704
# layout), copied COPIES times (default 8), beside `pdftotext` on the same files in the
# same run, taking turns run by run (the VM's speed drifts). Release build as installed.
# Medians of RUNS runs (default 5): wall seconds, CPU seconds, peak RSS, pages/s, MB/s of
# PDF. Writes Benchmarks/results/pdf.md.      Scripts/benchmark-pdf.sh [runs] [copies]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
copies=${2:-8}
command -v pdftotext >/dev/null || { echo "pdftotext (poppler-utils) is not installed" >&2; exit 1; }
command -v soffice >/dev/null || { echo "soffice (libreoffice-writer) is not installed" >&2; exit 1; }
swift build --product policyq >/dev/null
# The release binary as shipped: Swift runtime and Foundation linked statically (see README).
swift build -c release --static-swift-stdlib --product policyq >/dev/null
bin=.build/release/policyq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Scripts/make-gold-pdf.py --gold Tests/Gold --out "$work/made" --policyq .build/debug/policyq >/dev/null
mkdir -p "$work/pdfs"
for copy in $(seq "$copies"); do
  for file in "$work"/made/*.pdf; do cp "$file" "$work/pdfs/$copy-$(basename "$file")"; done
done
files=$(ls "$work"/pdfs/*.pdf | wc -l)
pages=$(for file in "$work"/pdfs/*.pdf; do pdfinfo "$file" | awk '/^Pages:/ {print $2}'; done | awk '{s+=$1} END {print s}')
bytes=$(cat "$work"/pdfs/*.pdf | wc -c)
out=Benchmarks/results/pdf.md

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Runs a command under /usr/bin/time -v; appends wall s, CPU s, peak RSS KB to $1.*
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
  grep -q "Elapsed" "$work/time" || { echo "$name: not measured" >&2; tail -3 "$work/stderr" >&2; exit 1; }
  grep 'Elapsed' "$work/time" | awk '{print $NF}' | awk -F: '{print ($1*60)+$2}' >>"$work/$name.wall"
  awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$work/time" >>"$work/$name.cpu"
  grep 'Maximum resident' "$work/time" | awk '{print $NF}' >>"$work/$name.rss"
}

for _ in $(seq "$runs"); do
  measure policyq sh -c "\"$bin\" text \"$work/pdfs\" >/dev/null"
  measure pdftotext sh -c "for f in \"$work\"/pdfs/*.pdf; do pdftotext \"\$f\" -; done >/dev/null"
done

row() {
  local name=$1 label=$2
  local wall cpu rss
  wall=$(median <"$work/$name.wall")
  cpu=$(median <"$work/$name.cpu")
  rss=$(median <"$work/$name.rss")
  awk -v l="$label" -v w="$wall" -v c="$cpu" -v r="$rss" -v p="$pages" -v b="$bytes" \
    'BEGIN {printf "| %s | %.2f | %.2f | %.0f | %.1f | %.0f |\n", l, w, c, p/w, b/1e6/w, r/1024}'
}
ratio=$(awk -v a="$(median <"$work/policyq.wall")" -v b="$(median <"$work/pdftotext.wall")" 'BEGIN {printf "%.2f", a/b}')

{
  echo "# policyq PDF benchmark"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; release build (--static-swift-stdlib); $(pdftotext -v 2>&1 | head -1)"
  echo "- PDFs: $files files ($copies copies of the $(ls "$work"/made/*.pdf | wc -l) gold PDF forms), $pages pages, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1e6}') MB"
  echo "- medians of $runs runs, taking turns; policyq reads the folder in one process (text layer, layout, cleaning, one paragraph per line); pdftotext is run once per file (it takes one file)"
  echo "- reproduce: \`Scripts/benchmark-pdf.sh $runs $copies\`"
  echo
  echo "| command | wall s | CPU s | pages/s | MB/s | peak RSS MB |"
  echo "|---|---|---|---|---|---|"
  row policyq "policyq text DIR"
  row pdftotext "pdftotext FILE - (each file)"
  echo
  echo "policyq / pdftotext wall time: $ratio"
} >"$out"
cat "$out"
