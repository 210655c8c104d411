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
  launch_ledger
  trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
  wait_until_up "$base/actuator/health" 90 || { echo "the ledger did not start; see /tmp/$db.log" >&2; exit 1; }
}

# Starts the ledger's jar in the background on database $db (created and migrated by the jar itself when missing),
# port $port, heap LEDGER_HEAP (default 1g), log /tmp/$db.log; its PID in $app.
launch_ledger() {
  local heap=${LEDGER_HEAP:-1g}
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SERVER_PORT=$port AXONIQ_UPDATE_CHECKER_DISABLED=true \
    java -Xms"$heap" -Xmx"$heap" ${JAVA_OPTS:-} -jar ledger-app/target/ledger-app.jar >"/tmp/$db.log" 2>&1 &
  app=$!
}

# Waits until a GET of $1 answers 2xx, for at most $2 seconds; fails otherwise.
wait_until_up() {
  local deadline=$(( $(date +%s) + $2 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do curl -sf "$1" >/dev/null && return 0; sleep 0.25; done
  return 1
}

# Builds the ledger's jar unless it is newer than every source, as ./ledger-token does.
build_ledger_if_stale() {
  local jar=ledger-app/target/ledger-app.jar
  if [ ! -f "$jar" ] || [ -n "$(find . -path ./ledger-app/target -prune -o -path ./bench -prune -o \( -name '*.java' -o -name '*.sql' -o -name '*.properties' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
    ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
  fi
}

# True when all four projections report in GET /api/audit/projections and none is replaying, behind or stopped.
projections_caught_up() {
  local status
  status=$(curl -sS "${auth[@]}" "$base/api/audit/projections")
  [ "$(grep -o '"name"' <<<"$status" | wc -l)" -eq 4 ] && ! grep -qE '"replaying":true|"lag":[1-9]|"running":false|"segments":0' <<<"$status"
}

sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atc "$1"; }

millis() { date +%s%3N; }

# Loads the JVM $app with wrk's remaining arguments ($connections connections, 16 unless set, 2 threads; "$@": script
# and URL) in windows of 20 s until its JIT compilers have settled: a window in which they compiled for less than 2 s
# (jstat -compiler's time), after at least $1 and at most $2 seconds. On these 2 cores C2 compiles on one core for
# about three minutes of the ledger's creates, and after one minute the ledger creates at about half its settled rate.
# Prints the seconds it took and the last window's compile seconds ("180 1.3"), and says so on stderr.
warm_up_until_compiled() {
  local least=$1 most=$2 spent=0 before after compiling
  shift 2
  while :; do
    before=$(jstat -compiler "$app" | awk 'NR == 2 { print $4 }')
    wrk -t2 -c"${connections:-16}" -d20s "$@" >/dev/null 2>&1
    spent=$((spent + 20))
    after=$(jstat -compiler "$app" | awk 'NR == 2 { print $4 }')
    compiling=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", a - b }')
    if [ "$spent" -ge "$most" ] || { [ "$spent" -ge "$least" ] && awk -v c="$compiling" 'BEGIN { exit !(c < 2) }'; }; then
      echo "warmed up $spent s, the JIT compiling $compiling s of the last 20 s" >&2
      echo "$spent $compiling"
      return 0
    fi
  done
}
