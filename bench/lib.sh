# Shared by the benchmarks: build, start the ledger on a fresh database, stop and drop it on exit.
port=${BENCH_PORT:-18080}
base="http://127.0.0.1:$port"
db="ledger_bench_$(date +%s)"

start_ledger() {
  ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
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
