#!/usr/bin/env bash
# Proves the build-time generation contract on the real Pax8 client project:
#  1. a no-op rebuild starts no NSwag process;
#  2. editing specs/pax8.yaml regenerates exactly the Pax8 client on the next build, and a
#     property added to a schema appears on the generated type;
#  3. restoring the spec regenerates it back.
# The spec is edited in place and always restored (from a copy, never from git).
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/Tessera.Pax8/Tessera.Pax8.csproj
spec=specs/pax8.yaml
generated=src/Tessera.Pax8/obj/Generated/Pax8Client.g.cs
backup=$(mktemp)
cp "$spec" "$backup"
restore() { cp "$backup" "$spec"; rm -f "$backup"; }
trap restore EXIT

build() { dotnet build "$project" --no-restore -nologo -v:n -p:TreatWarningsAsErrors=true 2>&1; }
fail() { echo "check-incremental: FAIL: $*" >&2; exit 1; }

build > /dev/null || fail "initial build failed"

start=$(date +%s%N)
out=$(build) || { echo "$out" | tail -30; fail "no-op build failed"; }
noop=$(( ($(date +%s%N) - start) / 1000000 ))
if echo "$out" | grep -q "OpenApi: generating"; then fail "a no-op rebuild ran NSwag"; fi
echo "check-incremental: no-op rebuild ran no NSwag process (${noop} ms)"

# Add a property to the Company schema (the first 'properties:' after '    Company:'), with awk: no node needed.
awk '
  /^    Company:$/ { inCompany = 1 }
  { print }
  inCompany && /^      properties:$/ {
    print "        ciProbeField:"
    print "          type: string"
    print "          description: Added by build/check-incremental.sh"
    inCompany = 0
  }' "$backup" > "$spec"
grep -q "ciProbeField" "$spec" || fail "could not add the probe property to $spec"

start=$(date +%s%N)
out=$(build) || { echo "$out" | tail -30; fail "build after the spec edit failed"; }
edit=$(( ($(date +%s%N) - start) / 1000000 ))
echo "$out" | grep -q "OpenApi: generating Pax8Client " || fail "editing the spec did not regenerate Pax8Client"
if echo "$out" | grep -q "OpenApi: generating Pax8ExperimentalClient"; then fail "an unrelated client was regenerated"; fi
grep -q "public string? CiProbeField" "$generated" || fail "the added property is missing from the generated Company type"
echo "check-incremental: spec edit regenerated only Pax8Client and added Company.CiProbeField (${edit} ms)"

restore; trap - EXIT
out=$(build) || fail "build after restoring the spec failed"
echo "$out" | grep -q "OpenApi: generating Pax8Client " || fail "restoring the spec did not regenerate"
if grep -q "CiProbeField" "$generated"; then fail "the probe property survived the restore"; fi
echo "check-incremental: restored spec regenerated the original client"
