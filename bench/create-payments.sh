#!/usr/bin/env bash
# Measures HTTP payment creates: starts the ledger on a fresh database, warms it up, then drives it with wrk
# (16 connections, 2 threads) and prints throughput and latency percentiles. Needs wrk (apt-get install wrk).
# Usage: bench/create-payments.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-16}
port=18080
db="ledger_bench_$(date +%s)"

./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SERVER_PORT=$port AXONIQ_UPDATE_CHECKER_DISABLED=true \
  java -Xms1g -Xmx1g ${JAVA_OPTS:-} -jar ledger-app/target/ledger-app.jar >"/tmp/$db.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done

echo "warm-up (60 s: the JIT compiles for most of the first minute on 2 cores)"
wrk -t2 -c"$connections" -d60s -s bench/create-payments.lua "http://127.0.0.1:$port" >/dev/null
echo "measured run (${seconds} s, $connections connections)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/create-payments.lua "http://127.0.0.1:$port"
psql -h 127.0.0.1 -U postgres -d "$db" -Atc \
  "SELECT 'events stored: ' || count(*) FROM domain_event_entry UNION ALL SELECT 'idempotency rows: ' || count(*) FROM idempotency_key"
