#!/usr/bin/env bash
# Runs the tour's traffic through Prism's validating proxies: the standalone sandbox behind
# `prism proxy specs/<api>.yaml … --errors` for Pax8, the Pax8 webhooks API, SmartPay and Smartex,
# and the tour pointed at the proxies. Any request or response that violates a spec fails the tour
# (Prism answers 500) and is listed from its log. The tour's dashboard stand-ins (paying an invoice,
# approving a pairing) go straight to the sandbox: they are not part of any API. Neither are the
# sandbox's webhook deliveries to the tour's local receiver (WebhookPayload POSTs, which the
# receiver checks and parses itself).
set -euo pipefail
cd "$(dirname "$0")/.."
cli=(dotnet run --project src/Tessera.Cli --no-build --no-launch-profile --)
log_dir=${CONTRACT_LOG_DIR:-artifacts/contract}
mkdir -p "$log_dir"

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
wait_for_log() { # file, text, seconds
  for _ in $(seq 1 "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  echo "check-contract: '$2' never appeared in $1" >&2; tail -20 "$1" >&2; return 1
}

sandbox_port=$(free_port)
pax8_port=$(free_port); pax8_webhooks_port=$(free_port); smartpay_port=$(free_port); smartex_port=$(free_port)
"${cli[@]}" sandbox --urls "http://127.0.0.1:$sandbox_port" --smartex-public-url "http://127.0.0.1:$smartex_port/" > "$log_dir/sandbox.log" 2>&1 &
sandbox_pid=$!
pids=("$sandbox_pid")
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for_log "$log_dir/sandbox.log" "Sandbox listening" 90

prism=node_modules/.bin/prism
start_proxy() { # name spec upstream-path port
  "$prism" proxy "$2" "http://127.0.0.1:$sandbox_port$3" --errors -p "$4" -h 127.0.0.1 > "$log_dir/prism-$1.log" 2>&1 &
  pids+=("$!")
}
start_proxy pax8 specs/pax8.yaml /pax8/v1 "$pax8_port"
start_proxy pax8-webhooks specs/pax8-webhooks.yaml /pax8/api/v2 "$pax8_webhooks_port"
start_proxy smartpay specs/smartpay.yaml /smartpay/1-2 "$smartpay_port"
start_proxy smartex specs/smartex.yaml /smartex "$smartex_port"
for name in pax8 pax8-webhooks smartpay smartex; do wait_for_log "$log_dir/prism-$name.log" "Prism is listening" 90; done

status=0
if ! "${cli[@]}" tour --sandbox-url "http://127.0.0.1:$sandbox_port/" \
    --pax8-url "http://127.0.0.1:$pax8_port/" \
    --pax8-webhooks-url "http://127.0.0.1:$pax8_webhooks_port/" \
    --smartpay-url "http://127.0.0.1:$smartpay_port/" \
    --smartex-url "http://127.0.0.1:$smartex_port/" > "$log_dir/tour.log" 2>&1; then
  echo "check-contract: the tour failed through the proxies" >&2; tail -30 "$log_dir/tour.log" >&2; status=1
fi

for name in pax8 pax8-webhooks smartpay smartex; do
  calls=$(grep -c 'Request received' "$log_dir/prism-$name.log" || true)
  violations=$(grep -ciE 'violation|✖' "$log_dir/prism-$name.log" || true)
  echo "check-contract: $name: $calls calls through Prism against specs/$name.yaml, $violations violation line(s)"
  if [ "$calls" = "0" ]; then echo "check-contract: no $name traffic went through the proxy" >&2; status=1; fi
  if [ "$violations" != "0" ]; then grep -iE 'violation|✖' -A3 "$log_dir/prism-$name.log" | head -40 >&2; status=1; fi
done
exit $status
