# Shared by the benchmarks: build, start the ledger on a fresh database, stop and drop it on exit.
port=${BENCH_PORT:-18080}
base="http://127.0.0.1:$port"
db="ledger_bench_$(date +%s)"

# The benchmarks measure the ledger, not its rate limit (100 calls a second per caller by default): off unless set.
export LEDGER_RATE_LIMIT_PER_SECOND=${LEDGER_RATE_LIMIT_PER_SECOND:-0}

# An admin's token for the benchmarks' calls, signed as the ledger checks it (LEDGER_JWT_SECRET, else ./data's secret):
# BENCH_TOKEN for wrk's script, auth for curl.
mint_token() {
  BENCH_TOKEN=$(java -jar ledger-app/target/ledger-app.jar token --admin --subject bench --ttl PT12H)
  export BENCH_TOKEN
  auth=(-H "Authorization: Bearer $BENCH_TOKEN")
}

start_ledger() {
  ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
  mint_token
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SERVER_PORT=$port AXONIQ_UPDATE_CHECKER_DISABLED=true \
    java -Xms1g -Xmx1g ${JAVA_OPTS:-} -jar ledger-app/target/ledger-app.jar >"/tmp/$db.log" 2>&1 &
  app=$!
  trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
  for _ in $(seq 1 90); do curl -sf "$base/actuator/health" >/dev/null && return; sleep 1; done
  echo "the ledger did not start; see /tmp/$db.log" >&2
  exit 1
}

sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }

millis() { date +%s%3N; }
