#!/usr/bin/env bash
# N ledger nodes on this machine behind a local HAProxy, for measuring one node against three (docs/performance.md,
# "One node and three"): the nodes run ledger-app/target/ledger-app.jar on one fresh database, with one JWT secret and
# one audit signing key, each told the cluster's members (LEDGER_CLUSTER_BIND, LEDGER_CLUSTER_MEMBERS on 127.0.0.1);
# HAProxy spreads the calls round robin with the settings of deploy/haproxy.cfg. Then wrk drives creates through
# HAProxy (bench/create-payments.lua) and the result is printed, or with HOLD=1 everything stays up until Ctrl-C.
#
# Usage: bench/cluster.sh [nodes]      (default 3; needs haproxy, wrk, psql, curl: apt-get install haproxy wrk)
# Ports (the 18400s): HAProxy 18400, its statistics 18499, node i's HTTP 18400+i, node i's cluster port 18450+i.
# From the environment: MEASURE (30 s measured), WARMUP (60 s: the JIT compiles for most of the first minute on 2
# cores), CONNECTIONS (16), CONFIRM=1 (each create also charges the test card), LEDGER_HEAP (512m per node), HOLD=1,
# LEDGER_RATE_LIMIT_PER_SECOND (off unless set, as in every benchmark; set it, with LEDGER_RATE_LIMIT_STORE=memory or
# postgresql, to measure the limiter), JAVA_OPTS.
#
# Until the distributed command bus is in the ledger, LEDGER_CLUSTER_* only switch on what reads them (rate limits
# counted in PostgreSQL): the nodes run side by side as independent instances on one database, which the workers and
# the event store already allow.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:-3}
[ "$nodes" -ge 1 ] && [ "$nodes" -le 9 ] || { echo "1 to 9 nodes" >&2; exit 2; }
measure=${MEASURE:-30}
warmup=${WARMUP:-60}
connections=${CONNECTIONS:-16}
heap=${LEDGER_HEAP:-512m}
front=18400
stats=18499
base="http://127.0.0.1:$front"
export LEDGER_RATE_LIMIT_PER_SECOND=${LEDGER_RATE_LIMIT_PER_SECOND:-0}
for tool in haproxy wrk psql curl java; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install haproxy wrk postgresql-client curl)" >&2; exit 2; }
done

run="ledger_cluster_$(date +%s)"
db=$run
work="/tmp/$run"
mkdir -p "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for port in $front $stats $(seq $((front + 1)) $((front + nodes))); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; then echo "port $port is in use" >&2; exit 1; fi
done

jar=ledger-app/target/ledger-app.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./ledger-app/target -prune -o -path ./bench -prune -o -path '*/src/test' -prune -o \( -name '*.java' -o -name '*.sql' -o -name '*.properties' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; then
  ./mvnw --batch-mode --no-transfer-progress --quiet -DskipTests package
fi

# One secret and one signing key for every node: a token or a digest from one node verifies on all.
export LEDGER_JWT_SECRET=${LEDGER_JWT_SECRET:-$(head -c 48 /dev/urandom | base64 -w0)}
if [ -z "${LEDGER_AUDIT_SIGNING_KEY:-}" ] && command -v openssl >/dev/null; then
  LEDGER_AUDIT_SIGNING_KEY=$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)
fi
export LEDGER_AUDIT_SIGNING_KEY=${LEDGER_AUDIT_SIGNING_KEY:-}
members=$(for i in $(seq 1 "$nodes"); do printf '127.0.0.1:%d,' $((front + 50 + i)); done)
members=${members%,}

# Node $1: HTTP on 18400+i, its cluster address 127.0.0.1:18450+i, log $work/node$1.log.
start_node() {
  local i=$1
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SERVER_PORT=$((front + i)) \
    AXONIQ_UPDATE_CHECKER_DISABLED=true LEDGER_DATA_DIR="$work/data$i" \
    LEDGER_CLUSTER_BIND="127.0.0.1:$((front + 50 + i))" LEDGER_CLUSTER_MEMBERS="$members" \
    java -Xms"$heap" -Xmx"$heap" ${JAVA_OPTS:-} -jar "$jar" >"$work/node$i.log" 2>&1 &
  pids+=($!)
}
up() { curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null; }
wait_up() {
  local deadline=$(( $(date +%s) + 180 ))
  until up "$1"; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "port $1 did not come up; logs in $work" >&2; exit 1; }
    sleep 0.5
  done
}

echo "== $nodes node(s) on database $db (logs in $work)"
# The first node creates and migrates the database; the others start once it has.
start_node 1
wait_up $((front + 1))
for i in $(seq 2 "$nodes"); do start_node "$i"; done
for i in $(seq 2 "$nodes"); do wait_up $((front + i)); done

# HAProxy with deploy/haproxy.cfg's settings, pointed at this machine's nodes.
{
  sed -n '/^global/,/^resolvers/p' deploy/haproxy.cfg | sed '/^resolvers/d; /^#/d; /log stdout/d'
  sed -n '/^defaults/,/^frontend/p' deploy/haproxy.cfg | sed '/^frontend/d; /^#/d; /log global/d; /option httplog/d'
  echo "frontend ledger"
  echo "    bind 127.0.0.1:$front"
  echo "    default_backend ledger_nodes"
  echo "backend ledger_nodes"
  echo "    balance roundrobin"
  echo "    option httpchk GET /actuator/health"
  echo "    http-check expect status 200"
  echo "    default-server check inter 2s fall 3 rise 2"
  for i in $(seq 1 "$nodes"); do echo "    server node$i 127.0.0.1:$((front + i))"; done
  echo "listen stats"
  echo "    bind 127.0.0.1:$stats"
  echo "    stats enable"
  echo "    stats uri /"
} >"$work/haproxy.cfg"
haproxy -c -q -f "$work/haproxy.cfg"
haproxy -f "$work/haproxy.cfg" -db >"$work/haproxy.log" 2>&1 &
pids+=($!)
wait_up $front

BENCH_TOKEN=$(java -jar "$jar" token --admin --subject bench --ttl PT12H)
export BENCH_TOKEN
echo "== up: $base (statistics http://127.0.0.1:$stats/), token in \$BENCH_TOKEN of this shell's children"
if [ "${HOLD:-0}" = 1 ]; then
  echo "BENCH_TOKEN=$BENCH_TOKEN"
  echo "holding until Ctrl-C"
  wait "${pids[0]}"
  exit 0
fi

echo "== warm-up ${warmup} s, then ${measure} s measured: wrk, $connections connections, through HAProxy"
wrk -t2 -c"$connections" -d"${warmup}s" -s bench/create-payments.lua "$base" >/dev/null
# CPU seconds the nodes' JVMs used (user + system, from /proc), around the measured run.
jvm_cpu() {
  local total=0 pid
  for pid in "${pids[@]:0:$nodes}"; do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}
ticks=$(getconf CLK_TCK)
cpu_before=$(jvm_cpu)
events_before=$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "SELECT count(*) FROM domain_event_entry")
wrk -t2 -c"$connections" -d"${measure}s" --latency -s bench/create-payments.lua "$base" | tee "$work/wrk.txt"
cpu_after=$(jvm_cpu)
events_after=$(psql -h 127.0.0.1 -U postgres -d "$db" -Atc "SELECT count(*) FROM domain_event_entry")
awk -v cpu=$((cpu_after - cpu_before)) -v hz="$ticks" -v n=$((events_after - events_before)) -v nodes="$nodes" \
  'BEGIN { printf "== the %d node(s) JVMs: %.1f CPU s for %d creates, %.2f CPU s per 1,000\n", nodes, cpu / hz, n, (n > 0 ? 1000 * cpu / hz / n : 0) }'
echo "== calls per node (HAProxy's count of answers)"
curl -s "http://127.0.0.1:$stats/;csv" | awk -F, '$1 == "ledger_nodes" && $2 ~ /^node/ { print $2 ": " $8 " sessions, " $41 " 2xx" }'
psql -h 127.0.0.1 -U postgres -d "$db" -Atc \
  "SELECT 'events stored: ' || count(*) FROM domain_event_entry UNION ALL SELECT 'idempotency rows: ' || count(*) FROM idempotency_key"
