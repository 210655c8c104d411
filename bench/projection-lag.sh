#!/usr/bin/env bash
# Measures how far the read models trail the event store under a steady command load: while wrk creates payments
# on N connections, a probe creates one payment every half second and times how long until GET /api/payments/{id}
# finds it (no read-your-writes wait). Then rebuilds all read models from the event store and times it.
# Usage: bench/projection-lag.sh [seconds] [connections]     (needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
connections=${2:-4}
source bench/lib.sh
start_ledger

echo "warm-up until the JIT settles (60 to ${WARMUP_MAX:-360} s)"
warm_up_until_compiled 60 "${WARMUP_MAX:-360}" -s bench/create-payments.lua "$base" >/dev/null
wrk -t1 -c"$connections" -d"${seconds}s" -s bench/create-payments.lua "$base" >/tmp/$db.wrk &
load=$!
lags=()
end=$(( $(date +%s) + seconds - 2 ))
while [ "$(date +%s)" -lt "$end" ]; do
  id=$(curl -sS -X POST "$base/api/payments" "${auth[@]}" -H 'Content-Type: application/json' \
        -d '{"amount":1234,"currency":"usd","customerId":"cus_probe"}' | grep -o '"id":"pay_[^"]*"' | cut -d'"' -f4)
  t0=$(millis)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$base/api/payments/$id")" = 200 ]; do sleep 0.005; done
  lags+=($(( $(millis) - t0 )))
  sleep 0.5
done
wait $load
grep -E "Requests/sec" /tmp/$db.wrk
printf '%s\n' "${lags[@]}" | sort -n | awk '{a[NR]=$1} END {printf "probe lag over %d probes: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms\n", NR, a[int(NR*0.5)+1], a[int(NR*0.9)+1], a[int(NR*0.99)+1], a[NR]}'

events=$(sql "SELECT count(*) FROM domain_event_entry")
echo "rebuilding all read models from $events events"
t0=$(millis)
for name in payment-history payment-stats reconciliation journal; do
  curl -sS -o /dev/null -X POST "${auth[@]}" "$base/api/audit/projections/$name/replay"
done
sleep 0.5
while curl -sS "${auth[@]}" "$base/api/audit/projections" | grep -qE '"replaying":true|"lag":[1-9]'; do sleep 0.2; done
elapsed=$(( $(millis) - t0 ))
echo "rebuild: ${elapsed} ms for $events events x 4 read models ($(( events * 1000 / (elapsed + 1) )) events/s through all four)"
