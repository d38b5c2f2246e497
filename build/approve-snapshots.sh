#!/usr/bin/env bash
# Accepts every pending snapshot: renames each *.received.* file under tests/ to *.approved.*.
# Review the diff (git diff) before committing; CI never approves anything.
set -euo pipefail
cd "$(dirname "$0")/.."
count=0
while IFS= read -r -d '' received; do
  mv "$received" "${received/.received./.approved.}"
  echo "approved ${received/.received./.approved.}"
  count=$((count + 1))
done < <(find tests -name '*.received.*' -print0)
echo "$count snapshot(s) approved"
