#!/usr/bin/env bash
# Accepts pending snapshots: renames each *.received.* file to *.approved.*, under tests/ or under
# the folders given (e.g. build/approve-snapshots.sh tests/Tessera.Pax8.Tests).
# Review the diff (git diff) before committing; CI never approves anything.
set -euo pipefail
cd "$(dirname "$0")/.."
count=0
while IFS= read -r -d '' received; do
  mv "$received" "${received/.received./.approved.}"
  echo "approved ${received/.received./.approved.}"
  count=$((count + 1))
done < <(find "${@:-tests}" -name '*.received.*' -print0)
echo "$count snapshot(s) approved"
