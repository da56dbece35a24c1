#!/usr/bin/env bash
# Copies dictionaries/ (the source of truth) into the PolicyKit resource bundle.
# With --check, only verifies that the two agree and fails if they do not.
set -euo pipefail
cd "$(dirname "$0")/.."
src=dictionaries
dst=Sources/PolicyExtraction/Resources/dictionaries
if [ "${1:-}" = "--check" ]; then
  if ! diff -r "$src" "$dst" >/dev/null; then
    echo "dictionaries/ and $dst differ: run Scripts/sync-dictionaries.sh" >&2
    diff -r "$src" "$dst" >&2 || true
    exit 1
  fi
  exit 0
fi
rm -rf "$dst"
mkdir -p "$dst"
cp -R "$src"/. "$dst"/
echo "synced $src -> $dst"
