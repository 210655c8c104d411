#!/usr/bin/env bash
# Measures the audit tooling on a generated event store: for each size, a fresh database is filled by SQL with
# realistic payment histories (PaymentCreated, PaymentSucceeded, RefundRequested, RefundSucceeded, PaymentReconciled;
# payloads and metadata in the exact shape the ledger writes), then:
#   1. the ledger starts on it: time until the hash chain covers every event and all four read models are built;
#   2. all four read models are rebuilt through POST /api/audit/projections/{name}/replay (skip with REPLAY=0);
#   3. with the ledger stopped, `audit verify --chain-only` and `audit verify` (every read model replayed into scratch
#      tables and compared) run from the command line.
# Usage: bench/audit.sh [events ...]     (default: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(100000 1000000)
port=${BENCH_PORT:-18081}
base="http://127.0.0.1:$port"
jar=ledger-app/target/ledger-app.jar
[ -f "$jar" ] || ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
# Every call carries an admin's token, signed as the ledger checks it (LEDGER_JWT_SECRET, else ./data's secret).
auth=(-H "Authorization: Bearer $(java -jar "$jar" token --admin --subject bench --ttl PT12H)")

millis() { date +%s%3N; }

start() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SERVER_PORT=$port AXONIQ_UPDATE_CHECKER_DISABLED=true \
    java -Xms1g -Xmx1g -jar "$jar" >>"/tmp/$db.log" 2>&1 &
  app=$!
  for _ in $(seq 1 120); do curl -sf "$base/actuator/health" >/dev/null && return; sleep 0.5; done
  echo "the ledger did not start; see /tmp/$db.log" >&2
  exit 1
}

stop() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; app=; }

sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }

caught_up() {
  local status
  status=$(curl -sS "${auth[@]}" "$base/api/audit/projections")
  [ "$(grep -o '"name"' <<<"$status" | wc -l)" -eq 4 ] && ! grep -qE '"replaying":true|"lag":[1-9]|"running":false|"segments":0' <<<"$status"
}

# shellcheck source=bench/fill-events.sh
source bench/fill-events.sh

app=
trap 'stop; [ -n "${db:-}" ] && psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT

for events in "${sizes[@]}"; do
  db="ledger_audit_bench_$(date +%s)"
  echo "== $events events (database $db)"
  start; stop   # creates and migrates the database
  t0=$(millis); fill "$events"; echo "fill: $(( $(millis) - t0 )) ms for $(sql 'SELECT count(*) FROM domain_event_entry') events"

  t0=$(millis); start
  head=$(sql "SELECT max(global_index) FROM domain_event_entry")
  chained=
  until [ -n "$chained" ] && caught_up; do
    [ -z "$chained" ] && [ "$(sql 'SELECT global_index FROM audit_chain_head')" = "$head" ] \
      && chained=$(( $(millis) - t0 )) && echo "hash chain written: $chained ms ($(( events * 1000 / chained )) events/s, while the read models were built)"
    sleep 0.5
  done
  built=$(( $(millis) - t0 ))
  echo "start + all four read models built from the store: $built ms ($(( events * 1000 / built )) events/s through all four)"
  span=$(sql "SELECT (extract(epoch FROM max(chained_at) - min(chained_at)) * 1000)::bigint FROM audit_chain")
  echo "chain writer: $events events chained in $span ms between its first and last batch ($(( events * 1000 / (span + 1) )) events/s, alongside the projections)"

  if [ "${REPLAY:-1}" = 1 ]; then
    t0=$(millis)
    for name in payment-history payment-stats reconciliation journal; do
      curl -sS -o /dev/null -X POST "${auth[@]}" "$base/api/audit/projections/$name/replay"
    done
    sleep 1
    until caught_up; do sleep 0.5; done
    rebuilt=$(( $(millis) - t0 ))
    echo "rebuild of all four read models (token reset, concurrently): $rebuilt ms ($(( events * 1000 / rebuilt )) events/s through all four)"
  fi
  stop

  export AXONIQ_UPDATE_CHECKER_DISABLED=true SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db"
  t0=$(millis); ./ledger-audit verify --chain-only >"/tmp/$db.verify-chain.json"; verified=$(( $(millis) - t0 ))
  inner=$(grep -o '"elapsedMillis":[0-9]*' "/tmp/$db.verify-chain.json" | head -1 | cut -d: -f2)
  echo "audit verify --chain-only: $verified ms with JVM start; the check itself $inner ms ($(( events * 1000 / (inner + 1) )) events/s): $(grep -o '"chainValid":[a-z]*' "/tmp/$db.verify-chain.json" | head -1)"
  t0=$(millis); ./ledger-audit verify >"/tmp/$db.verify.json"; verified=$(( $(millis) - t0 ))
  inner=$(grep -o '"elapsedMillis":[0-9]*' "/tmp/$db.verify.json" | tail -1 | cut -d: -f2)
  echo "audit verify (chain + every read model replayed into scratch tables and compared): $verified ms with JVM start; the read models $inner ms ($(( events * 1000 / (inner + 1) )) events/s through all four): $(grep -oE '"(chainValid|readModelsConsistent)":[a-z]*' "/tmp/$db.verify.json" | head -2 | tr '\n' ' ')"
  t0=$(millis); lines=$(./ledger-audit export | wc -l); echo "audit export: $lines lines in $(( $(millis) - t0 )) ms with JVM start"
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  db=
done
