#!/usr/bin/env bash
# A 100-item batch against 100 single creates: one ledger, its database fresh; each shape warmed up, then measured
# ROUNDS times (2) in turn, so that both meet the same machine. Creates are charged (confirm: true, pm_card_visa) and
# carry an Idempotency-Key (one per batch, one per single create). Prints payments/s and the latency of a call.
#   bench/batch.sh [seconds] [connections]          BATCH_SIZE=100
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-16}
export CONFIRM=1 BATCH_SIZE=${BATCH_SIZE:-100}
source bench/lib.sh
start_ledger

created() { sql "SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.PaymentCreated'"; }

measure() { # $1 script, $2 label
  local before after out
  before=$(created)
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$1" "$base")
  after=$(created)
  printf '%-26s %6d payments/s  %s calls/s  latency p50 %s p99 %s\n' "$2" $(( (after - before) / seconds )) \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")"
}

echo "warm-up (30 s each shape)"
wrk -t2 -c"$connections" -d30s -s bench/create-payments.lua "$base" >/dev/null
wrk -t2 -c"$connections" -d30s -s bench/batch-payments.lua "$base" >/dev/null
for round in $(seq 1 "${ROUNDS:-2}"); do
  echo "round $round ($seconds s each, $connections connections; load: $(cut -d' ' -f1-3 /proc/loadavg))"
  measure bench/create-payments.lua "single creates"
  measure bench/batch-payments.lua "batches of $BATCH_SIZE"
done
