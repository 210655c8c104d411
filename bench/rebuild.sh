#!/usr/bin/env bash
# Measures how fast the read models are rebuilt from the event store. A fresh database is filled by SQL with payment
# histories (bench/fill-events.sh, five events per payment), the ledger starts on it and builds its four read models,
# then all four are rebuilt through POST /api/audit/projections/{name}/replay, concurrently, ROUNDS times (the first
# rounds also warm the JIT); EACH=1 then rebuilds each read model alone. VERIFY=1 ends with `audit verify` (every read
# model replayed into scratch tables, single-threaded, and compared) with the ledger stopped.
# JAVA_OPTS reach the ledger's JVM (e.g. a JFR recording); LEDGER_* settings reach it through the environment.
# Usage: bench/rebuild.sh [events]     (default: 100000; ROUNDS=3 EACH=0 VERIFY=0)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
rounds=${ROUNDS:-3}
port=${BENCH_PORT:-18082}
base="http://127.0.0.1:$port"
jar=ledger-app/target/ledger-app.jar
[ -f "$jar" ] || ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
auth=(-H "Authorization: Bearer $(java -jar "$jar" token --admin --subject bench --ttl PT12H)")
projections=(payment-history payment-stats reconciliation journal)

millis() { date +%s%3N; }
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }

start() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SERVER_PORT=$port AXONIQ_UPDATE_CHECKER_DISABLED=true \
    java -Xms1g -Xmx1g ${JAVA_OPTS:-} -jar "$jar" >>"/tmp/$db.log" 2>&1 &
  app=$!
  for _ in $(seq 1 240); do curl -sf "$base/actuator/health" >/dev/null && return; sleep 0.5; done
  echo "the ledger did not start; see /tmp/$db.log" >&2
  exit 1
}

stop() { [ -n "${app:-}" ] && { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; }; app=; }

# Every named processor (default: all four) runs, has all its segments and has handled the newest event.
caught_up() {
  local status names=("$@") name
  [ ${#names[@]} -eq 0 ] && names=("${projections[@]}")
  status=$(curl -sS "${auth[@]}" "$base/api/audit/projections")
  for name in "${names[@]}"; do
    grep -o "{[^{}]*\"name\":\"$name\"[^{}]*}" <<<"$status" | grep -q '"running":true' || return 1
    grep -o "{[^{}]*\"name\":\"$name\"[^{}]*}" <<<"$status" | grep -qE '"replaying":true|"lag":[1-9]|"segments":0|"error":true' && return 1
  done
  return 0
}

# Rebuilds the named read models concurrently; prints the time from the first reset until all have caught up.
rebuild() {
  local t0 name
  t0=$(millis)
  for name in "$@"; do curl -sS -o /dev/null -X POST "${auth[@]}" "$base/api/audit/projections/$name/replay"; done
  sleep 0.2
  until caught_up "$@"; do sleep 0.1; done
  echo $(( $(millis) - t0 ))
}

# shellcheck source=bench/fill-events.sh
source bench/fill-events.sh

app=
db="ledger_rebuild_bench_$(date +%s)"
trap 'stop; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
echo "== $events events (database $db), load: $(uptime | sed 's/.*load average/load average/')"
start; stop   # creates and migrates the database
t0=$(millis); fill "$events"; stored=$(sql 'SELECT count(*) FROM domain_event_entry')
echo "fill: $(( $(millis) - t0 )) ms for $stored events"

t0=$(millis); start
until caught_up; do sleep 0.1; done
built=$(( $(millis) - t0 ))
echo "start + first build of all four read models: $built ms ($(( stored * 1000 / built )) events/s through all four)"

for round in $(seq 1 "$rounds"); do
  took=$(rebuild "${projections[@]}")
  echo "rebuild $round of all four read models (token reset, concurrently): $took ms ($(( stored * 1000 / took )) events/s through all four), load: $(uptime | sed 's/.*load average: //')"
done
if [ "${EACH:-0}" = 1 ]; then
  for name in "${projections[@]}"; do
    took=$(rebuild "$name")
    echo "rebuild of $name alone: $took ms ($(( stored * 1000 / took )) events/s)"
  done
fi
stop

if [ "${VERIFY:-0}" = 1 ]; then
  export AXONIQ_UPDATE_CHECKER_DISABLED=true SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db"
  t0=$(millis); ./ledger-audit verify >"/tmp/$db.verify.json"; verified=$(( $(millis) - t0 ))
  inner=$(grep -o '"elapsedMillis":[0-9]*' "/tmp/$db.verify.json" | tail -1 | cut -d: -f2)
  echo "audit verify (every read model replayed into scratch tables and compared): $verified ms with JVM start; the read models $inner ms ($(( stored * 1000 / (inner + 1) )) events/s through all four): $(grep -oE '"(chainValid|readModelsConsistent)":[a-z]*' "/tmp/$db.verify.json" | head -2 | tr '\n' ' ')"
fi
