#!/usr/bin/env bash
# Packs the client packages into artifacts/packages, restores samples/Consumer from that folder feed
# (package references, not project references) and runs it against a sandbox on a free port.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=artifacts/packages
rm -rf "$packages" samples/Consumer/obj/packages
mkdir -p artifacts
dotnet pack Generated.sln -o "$packages" -nologo -v:q > artifacts/pack.log 2>&1 || { tail -30 artifacts/pack.log; exit 1; }
echo "run-sample: packed $(ls "$packages"/*.nupkg | wc -l) packages: $(cd "$packages" && ls *.nupkg | tr '\n' ' ')"

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
dotnet run --project src/Tessera.Cli --no-build -- sandbox --urls "http://127.0.0.1:$port" > artifacts/sample-sandbox.log 2>&1 &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do grep -q "Sandbox listening" artifacts/sample-sandbox.log && break; sleep 1; done

base="http://127.0.0.1:$port"
export Pax8__BaseUrl="$base/pax8/v1/" SmartPay__BaseUrl="$base/smartpay/1-2/" Smartex__BaseUrl="$base/smartex/"
dotnet run --project samples/Consumer -nologo
