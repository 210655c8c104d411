#!/usr/bin/env bash
# Measures how fast the read models are rebuilt from the event store. A fresh database is filled by SQL with payment
# histories (bench/fill-events.sh, five events per payment), the ledger starts on it and builds its four read models,
# then all four are rebuilt through POST /api/audit/projections/{name}/replay, concurrently, ROUNDS times (the first
# rounds also warm the JIT); EACH=1 then rebuilds each read model alone. VERIFY=1 ends with `audit verify` (every read
# model replayed into scratch tables, single-threaded, and compared) with the ledger stopped.
# Beside each wall time it prints the CPU time the ledger's JVM and the database's backends spent on the rebuild, and
# the events per CPU second: on a machine shared with other work the wall time says more about the neighbours.
# JAVA_OPTS reach the ledger's JVM (e.g. a JFR recording); LEDGER_* settings reach it through the environment;
# JAR=path runs another build of the ledger (e.g. the previous commit's, for a side-by-side run).
# STATS=1 prints the database's counters (commits, scans and rows per table) after the rebuilds; PGSS=1 the statements
# of the last rebuild (needs pg_stat_statements in shared_preload_libraries; the script creates the extension).
# Usage: bench/rebuild.sh [events]     (default: 100000; ROUNDS=3 EACH=0 VERIFY=0 STATS=0)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-100000}
rounds=${ROUNDS:-3}
port=${BENCH_PORT:-18082}
base="http://127.0.0.1:$port"
jar=${JAR:-ledger-app/target/ledger-app.jar}
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

# CPU time in clock ticks (1/100 s) of the ledger's JVM, and of the database's backends serving this database.
jvm_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
db_ticks() {
  local pid total=0
  for pid in $(sql "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"); do
    [ -r "/proc/$pid/stat" ] && total=$(( total + $(awk '{print $14 + $15}' "/proc/$pid/stat") ))
  done
  echo "$total"
}

# Rebuilds the named read models concurrently: prints the milliseconds from the first reset until all have caught
# up, and the CPU ticks the JVM and the database's backends spent meanwhile.
rebuild() {
  local t0 name jvm0 db0
  jvm0=$(jvm_ticks); db0=$(db_ticks); t0=$(millis)
  for name in "$@"; do curl -sS -o /dev/null -X POST "${auth[@]}" "$base/api/audit/projections/$name/replay"; done
  sleep 0.2
  until caught_up "$@"; do sleep 0.1; done
  echo "$(( $(millis) - t0 )) $(( $(jvm_ticks) - jvm0 )) $(( $(db_ticks) - db0 ))"
}

# "<ms> <jvm ticks> <db ticks>" as a sentence about $stored events.
rate() {
  local ms=$1 jvm=$2 db=$3
  echo "$ms ms ($(( stored * 1000 / ms )) events/s); CPU: JVM $(( jvm / 100 )).$(( jvm % 100 / 10 )) s," \
    "PostgreSQL $(( db / 100 )).$(( db % 100 / 10 )) s: $(( stored * 100 / (jvm + db + 1) )) events per CPU second"
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
  [ "${PGSS:-0}" = 1 ] && [ "$round" = "$rounds" ] && sql "CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset()" >/dev/null
  # shellcheck disable=SC2046
  echo "rebuild $round of all four read models (token reset, concurrently): $(rate $(rebuild "${projections[@]}")), load: $(uptime | sed 's/.*load average: //')"
done
if [ "${PGSS:-0}" = 1 ]; then
  echo "the statements of the last rebuild (pg_stat_statements): time, calls, rows, statement"
  sql "SELECT round(total_exec_time)::int || ' ms, ' || calls || ' calls, ' || rows || ' rows: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 120) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY total_exec_time DESC LIMIT 20"
fi
if [ "${STATS:-0}" = 1 ]; then
  echo "the database's counters since it was created (fill, first build and every rebuild):"
  sql "SELECT 'commits ' || xact_commit || ', rows returned ' || tup_returned || ', fetched ' || tup_fetched FROM pg_stat_database WHERE datname = current_database()"
  sql "SELECT relname || ': seq scans ' || seq_scan || ', rows read by them ' || seq_tup_read || ', index scans ' || COALESCE(idx_scan, 0) || ', inserted ' || n_tup_ins || ', updated ' || n_tup_upd FROM pg_stat_user_tables ORDER BY seq_tup_read DESC LIMIT 12"
fi
if [ "${EACH:-0}" = 1 ]; then
  for name in "${projections[@]}"; do
    # shellcheck disable=SC2046
    echo "rebuild of $name alone: $(rate $(rebuild "$name"))"
  done
fi
stop

if [ "${VERIFY:-0}" = 1 ]; then
  export AXONIQ_UPDATE_CHECKER_DISABLED=true SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db"
  t0=$(millis); ./ledger-audit verify >"/tmp/$db.verify.json"; verified=$(( $(millis) - t0 ))
  inner=$(grep -o '"elapsedMillis":[0-9]*' "/tmp/$db.verify.json" | tail -1 | cut -d: -f2)
  echo "audit verify (every read model replayed into scratch tables and compared): $verified ms with JVM start; the read models $inner ms ($(( stored * 1000 / (inner + 1) )) events/s through all four): $(grep -oE '"(chainValid|readModelsConsistent)":[a-z]*' "/tmp/$db.verify.json" | head -2 | tr '\n' ' ')"
fi
