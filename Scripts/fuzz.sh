#!/usr/bin/env bash
# Fuzzes the readers (.txt, .md, HTML, .docx) and the parser with libFuzzer, under the
# address sanitizer: Scripts/fuzz.sh [seconds, default 300] [jobs, default 1].
# Inputs that crash, hang (over 60 s: the instrumented build is slow, and slower on a busy
# machine) or pass 2 GB go to .build/fuzz/findings/; the corpus
# it grows is kept in .build/fuzz/corpus/, so runs add up. Replay one finding with
# Fuzz/.build/debug/policyq-fuzz FILE. See CONTRIBUTING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
jobs=${2:-1}
# SwiftPM keeps the plan of a path dependency's sources; a file added to the library would
# be missed: plan again each time.
rm -f Fuzz/.build/*/debug/description.json Fuzz/.build/debug.yaml
if ! swift build -c debug -Xswiftc -sanitize=fuzzer,address --package-path Fuzz >.build/fuzz-build.log 2>&1; then
  grep -E "error" .build/fuzz-build.log | head -20
  echo "fuzz: the fuzz target does not build (.build/fuzz-build.log)"
  exit 2
fi
work=.build/fuzz
mkdir -p "$work/corpus" "$work/seeds" "$work/findings"
# Seeds: each seed document as text, Markdown, HTML and .docx (the first byte of an input
# chooses its format: 0 text, 1 Markdown, 2 HTML, 3 .docx).
python3 - "$work/seeds" corpus/documents/*.txt <<'PY'
import html, io, sys, zipfile
out, paths = sys.argv[1], sys.argv[2:]
for number, path in enumerate(paths):
    text = open(path, encoding="utf-8").read()[:20000]
    lines = [line for line in text.splitlines() if line.strip()]
    page = "<html><head><meta charset='utf-8'><title>t</title></head><body>" + "".join(
        f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    body = "".join(f"<w:p><w:r><w:t>{html.escape(line)}</w:t></w:r></w:p>" for line in lines)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
           'openxmlformats.org/wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>")
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    for kind, data in enumerate([text.encode(), text.encode(), page.encode(), docx.getvalue()]):
        open(f"{out}/{number}-{kind}", "wb").write(bytes([kind]) + data)
PY
# Fork mode: each job runs in a child process, and a finding is kept without ending the
# run, so a long run reports everything it finds.
fork=(-fork="$jobs" -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
# Leak reports are off: ZIPFoundation leaks 40 bytes for each archive it cannot open.
# The Swift runtime's own crash handler trips the address sanitizer: leave crashes to it.
SWIFT_BACKTRACE=enable=no Fuzz/.build/debug/policyq-fuzz "$work/corpus" "$work/seeds" \
  -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 \
  -artifact_prefix="$work/findings/" -print_final_stats=1 "${fork[@]}" 2>&1 \
  | grep -E "^#[0-9]+|stat::|INFO: fuzzed|ERROR|SUMMARY|Test unit written|==[0-9]+==" || true
# Slow units are reported, not findings.
found=$(find "$work/findings" -type f ! -name 'slow-unit-*' | wc -l)
echo "fuzz: ${seconds}s, findings in $work/findings: $found"
[ "$found" -eq 0 ]
