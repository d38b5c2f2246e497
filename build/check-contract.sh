#!/usr/bin/env bash
# Runs the tour's traffic through Prism's validating proxy: the standalone sandbox behind
# `prism proxy specs/pax8.yaml … --errors`, and the tour pointed at the proxy. Any request or
# response that violates the spec fails the tour (Prism answers 500) and is listed from its log.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=(dotnet run --project src/Generated.Cli --no-build --no-launch-profile --)
log_dir=${CONTRACT_LOG_DIR:-artifacts/contract}
mkdir -p "$log_dir"

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_for_log() { # file, text, seconds
  for _ in $(seq 1 "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  echo "check-contract: '$2' never appeared in $1" >&2; tail -20 "$1" >&2; return 1
}

sandbox_port=$(free_port)
"${cli[@]}" sandbox --urls "http://127.0.0.1:$sandbox_port" > "$log_dir/sandbox.log" 2>&1 &
sandbox_pid=$!
pids=("$sandbox_pid")
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for_log "$log_dir/sandbox.log" "Sandbox listening" 90

status=0
check() { # name spec upstream-path tour-args...
  local name=$1 spec=$2 upstream=$3; shift 3
  local port; port=$(free_port)
  npx --no-install prism proxy "$spec" "http://127.0.0.1:$sandbox_port$upstream" --errors -p "$port" -h 127.0.0.1 > "$log_dir/prism-$name.log" 2>&1 &
  pids+=("$!")
  wait_for_log "$log_dir/prism-$name.log" "Prism is listening" 90
  if ! "${cli[@]}" tour "$@" "http://127.0.0.1:$port/" > "$log_dir/tour-$name.log" 2>&1; then
    echo "check-contract: the $name tour failed through the proxy" >&2; tail -20 "$log_dir/tour-$name.log" >&2; status=1
  fi
  local calls violations
  calls=$(grep -c 'Request received' "$log_dir/prism-$name.log" || true)
  violations=$(grep -ciE 'violation|✖' "$log_dir/prism-$name.log" || true)
  echo "check-contract: $name: $calls calls through Prism against $spec, $violations violation line(s)"
  if [ "$violations" != "0" ]; then grep -iE 'violation|✖' -A3 "$log_dir/prism-$name.log" | head -40 >&2; status=1; fi
}

check pax8 specs/pax8.yaml /pax8/v1 --only pax8 --pax8-url
exit $status
