#!/usr/bin/env bash
# The comparison of issue 13 in one run on this machine (docs/performance.md, "The comparison"): the same load
# generators (pgbench, wrk with bench/create-payments.lua), a warm-up before every measured run, each phase on its own
# fresh database, one phase after the other, then a markdown table with the load beside it.
#   1. PostgreSQL alone: pgbench, one event row + one idempotency row per transaction (bench/compare-pgbench.sql) into
#      a database migrated by the ledger's own Flyway scripts.
#   2. bench/bare: a bare Spring MVC endpoint answering a small JSON map, no database.
#   3. bench/bare: Spring MVC + JDBC doing the same durable work as pgbench per request.
#   4. The ledger: confirmed creates with an Idempotency-Key and an admin token, projections and workers running.
#   5. Its read models at about half of row 4's rate: lag from a create's answer until GET finds it
#      (bench/read-lag.py), and the catch-up after the load ends.
#   6. Rebuild of all four read models from the event store (the replay endpoint, concurrently).
#   7. The ledger's heap after the load (jcmd GC.heap_info, before and after a full GC; jstat while loaded).
#   Then rows 1 and 3 once more: the machine's speed drifts within minutes, so row 4's ratios are given to both.
# Usage: bench/compare.sh     (needs wrk, pgbench, psql, python3, a JDK's jcmd and jstat)
# Durations in seconds, from the environment: MEASURE (20, each measured run), WARMUP (15: pgbench and the bare app),
# LEDGER_WARMUP (60) and LEDGER_WARMUP_MAX (360): each JVM is warmed up with its load, in 20 s windows, until its JIT
# has settled (a window with less than 2 s of compiling) but for at least WARMUP (the bare app) or LEDGER_WARMUP (the
# ledger) and at most LEDGER_WARMUP_MAX seconds: on 2 cores C2 compiles the ledger's code for about three minutes, and
# after one minute the ledger creates at about half its settled rate; LAG (20, the paced phase);
# CONNECTIONS (16: wrk connections and pgbench clients). JAVA_OPTS is added to both JVMs.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_PORT=${BENCH_PORT:-18090}
source bench/lib.sh
measure=${MEASURE:-20}
warmup=${WARMUP:-15}
ledger_warmup=${LEDGER_WARMUP:-60}
warmup_max=${LEDGER_WARMUP_MAX:-360}
lag_seconds=${LAG:-20}
connections=${CONNECTIONS:-16}
# Both JVMs get the ledger's heap goal (issue 13): 512 MB, fixed.
export LEDGER_HEAP=512m
run="ledger_compare_$(date +%s)"
results="/tmp/$run"
mkdir -p "$results"

app=
dbs=()
cleanup() {
  [ -n "$app" ] && { kill "$app" 2>/dev/null; wait "$app" 2>/dev/null || true; }
  [ -n "${stats:-}" ] && kill "$stats" 2>/dev/null
  for name in "${dbs[@]}"; do
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

stop_app() { kill "$app"; wait "$app" 2>/dev/null || true; app=; }
drop_db() { psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null; }
# A fresh copy of the migrated, never-used schema database.
fresh_copy() { dbs+=("$1"); psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $1 TEMPLATE $schema" >/dev/null; }
port_free() { ! curl -s -o /dev/null "$base/" 2>/dev/null; }

# wrk's summary as "rate p50_ms p99_ms errors" (errors: non-2xx answers plus socket errors).
wrk_figures() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } /^Requests\/sec:/ { rate = $2 }
    /Non-2xx/ { errors += $NF } /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.1f %.1f %d\n", rate, p50, p99, errors }' "$1"
}
# $1 / $2 with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
thousands() { sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta' <<<"$1"; }
# Waits until the command "$2 ..." succeeds, for at most $1 seconds; fails otherwise.
within() { local deadline=$(( $(date +%s) + $1 )); shift; until "$@"; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.02; done; }
# How busy the machine is without this run: the idle share of all cores over one second, sampled before each phase
# starts its programs (the load average would count the run's own threads: 16 connections keep 16 busy), and the
# steal share (the hypervisor giving the cores to others) during each measured run.
cpu_mark() { head -1 /proc/stat | cut -d' ' -f3-; }
cpu_share() {  # $1: a cpu_mark; $2: the field, idle or steal; prints the share since the mark, in percent
  awk -v then="$1" -v now="$(cpu_mark)" -v field="$2" 'BEGIN {
    split(then, a, " "); split(now, b, " "); total = 0
    for (i = 1; i <= 8; i++) total += b[i] - a[i]
    part = field == "idle" ? (b[4] - a[4]) + (b[5] - a[5]) : b[8] - a[8]
    printf "%.0f%%", (total > 0 ? 100 * part / total : 0) }'
}
idle_now() { local mark; mark=$(cpu_mark); sleep 1; cpu_share "$mark" idle; }
all_in_view() { [ "$(sql 'SELECT count(*) FROM payment_view')" -ge "$created" ]; }

port_free || { echo "port $port is in use: set BENCH_PORT" >&2; exit 1; }
echo "== build (when stale) and token"
build_ledger_if_stale
bare_jar=bench/bare/target/bare.jar
if [ ! -f "$bare_jar" ] || [ -n "$(find bench/bare -path bench/bare/target -prune -o -type f -newer "$bare_jar" -print -quit)" ]; then
  ./mvnw --batch-mode --no-transfer-progress --quiet -f bench/bare/pom.xml package
fi
mint_token
load_before=$(uptime)
# What else runs: a neighbour's busy process (a leftover load, another build) halves every row of the run.
top -b -n 1 -o %CPU | head -15 >"$results/top-before.txt"
idle_at_start=$(idle_now)
if [ "${idle_at_start%\%}" -lt 80 ]; then
  echo "warning: the cores are only $idle_at_start idle before the run; the busiest processes:" >&2
  sed -n '7,12p' "$results/top-before.txt" >&2
fi
started=$(date +%s)

echo "== schema: the ledger's jar creates and migrates a database, then stops; phases 1 and 3 copy it"
schema="${run}_schema"
dbs+=("$schema")
db=$schema
launch_ledger
wait_until_up "$base/actuator/health" 180 || { echo "the ledger did not start; see /tmp/$db.log" >&2; exit 1; }
stop_app

# Row 1 (pgbench) and row 3 (bench/bare's create) run before the ledger's rows and again after them: the machine's
# speed drifts (its cores are shared with other tenants), and a ratio is only worth as much as its two figures'
# closeness in time. Each keeps its figures per round ($1: before or after), as pg_rate_before, bare_rate_after etc.
pgbench_phase() {
  local round=$1 rate failed idle steal
  db="${run}_pgbench_$round"
  fresh_copy "$db"
  idle=$(idle_now)
  pgbench_run "$warmup" >/dev/null
  mark=$(cpu_mark)
  pgbench_run "$measure" >"$results/pgbench-$round.txt"
  steal=$(cpu_share "$mark" steal)
  rate=$(awk '/^tps = / { printf "%.0f", $3 }' "$results/pgbench-$round.txt")
  failed=$(awk '/failed transactions/ { print $5 }' "$results/pgbench-$round.txt")
  echo "$rate commits/s ($(sql 'SELECT count(*) FROM domain_event_entry') event rows, $(sql 'SELECT count(*) FROM idempotency_key') idempotency rows)"
  drop_db "$db"
  printf -v "pg_rate_$round" %s "$rate"; printf -v "pg_failed_$round" %s "${failed:-0}"
  printf -v "pg_idle_$round" %s "$idle"; printf -v "pg_steal_$round" %s "$steal"
}
pgbench_run() { pgbench -n -M prepared -h 127.0.0.1 -U postgres -c "$connections" -j 2 -T "$1" -f bench/compare-pgbench.sql "$db"; }

echo "== 1. PostgreSQL alone: pgbench, $connections clients, ${warmup} s warm-up, ${measure} s"
pgbench_phase before
pg_rate=$pg_rate_before; pg_failed=$pg_failed_before; pg_idle=$pg_idle_before; pg_steal=$pg_steal_before

start_bare() {
  db="${run}_bare_$1"
  fresh_copy "$db"
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SERVER_PORT=$port \
    java -Xms$LEDGER_HEAP -Xmx$LEDGER_HEAP ${JAVA_OPTS:-} -jar "$bare_jar" >"/tmp/$db.log" 2>&1 &
  app=$!
  wait_until_up "$base/hello" 120 || { echo "bench/bare did not start; see /tmp/$db.log" >&2; exit 1; }
}
bare_create_phase() {
  local round=$1 steal warmed
  export CONFIRM=1
  read -r warmed _ < <(warm_up_until_compiled "$warmup" "$warmup_max" -s bench/create-payments.lua "$base")
  printf -v "bare_warmed_$round" %s "$warmed"
  mark=$(cpu_mark)
  wrk -t2 -c"$connections" -d"${measure}s" --latency -s bench/create-payments.lua "$base" \
    >"$results/bare-create-$round.txt" 2>"$results/bare-create-$round.err"
  steal=$(cpu_share "$mark" steal)
  local rate p50 p99 errors
  read -r rate p50 p99 errors < <(wrk_figures "$results/bare-create-$round.txt")
  echo "create: $rate requests/s, p50 $p50 ms, p99 $p99 ms, $errors errors ($(sql 'SELECT count(*) FROM domain_event_entry') event rows, $(sql 'SELECT count(*) FROM idempotency_key') idempotency rows)"
  printf -v "bare_rate_$round" %s "$rate"; printf -v "bare_p50_$round" %s "$p50"; printf -v "bare_p99_$round" %s "$p99"
  printf -v "bare_errors_$round" %s "$errors"; printf -v "bare_steal_$round" %s "$steal"
}

echo "== 2 and 3. bench/bare (Spring MVC; Spring MVC + JDBC), -Xms$LEDGER_HEAP -Xmx$LEDGER_HEAP"
bare_idle=$(idle_now)
start_bare before
read -r hello_warmed _ < <(warm_up_until_compiled "$warmup" "$warmup_max" "$base/hello")
mark=$(cpu_mark)
wrk -t2 -c"$connections" -d"${measure}s" --latency "$base/hello" >"$results/bare-hello.txt"
hello_steal=$(cpu_share "$mark" steal)
read -r hello_rate hello_p50 hello_p99 hello_errors < <(wrk_figures "$results/bare-hello.txt")
echo "hello: $hello_rate requests/s, p50 $hello_p50 ms, p99 $hello_p99 ms, $hello_errors errors"
bare_create_phase before
bare_rate=$bare_rate_before; bare_p50=$bare_p50_before; bare_p99=$bare_p99_before; bare_errors=$bare_errors_before
bare_steal=$bare_steal_before
stop_app
drop_db "$db"

echo "== 4. the ledger, -Xms$LEDGER_HEAP -Xmx$LEDGER_HEAP: warm-up until its JIT settles (${ledger_warmup} to ${warmup_max} s), ${measure} s"
db="${run}_ledger"
dbs+=("$db")
ledger_idle=$(idle_now)
launch_ledger
wait_until_up "$base/actuator/health" 180 || { echo "the ledger did not start; see /tmp/$db.log" >&2; exit 1; }
jstat -gc "$app" 1000 >"$results/jstat.txt" &
stats=$!
read -r ledger_warmed _ < <(warm_up_until_compiled "$ledger_warmup" "$warmup_max" -s bench/create-payments.lua "$base")
mark=$(cpu_mark)
wrk -t2 -c"$connections" -d"${measure}s" --latency -s bench/create-payments.lua "$base" \
  >"$results/ledger-create.txt" 2>"$results/ledger-create.err"
ledger_steal=$(cpu_share "$mark" steal)
read -r ledger_rate ledger_p50 ledger_p99 ledger_errors < <(wrk_figures "$results/ledger-create.txt")
echo "create: $ledger_rate creates/s, p50 $ledger_p50 ms, p99 $ledger_p99 ms, $ledger_errors errors"

echo "== 5. read models at half of that rate: ${lag_seconds} s paced load, a probe every 0.2 s"
target=$(( ledger_rate > 1 ? ledger_rate / 2 : 1 ))
# Each connection waits DELAY_MS before each request: its cycle is the delay plus the answer's latency. A short
# paced run measures that latency at the target's load, and the delay is set again to take it into account.
delay=$(( connections * 1000 / target ))
DELAY_MS=$delay wrk -t2 -c"$connections" -d5s -s bench/create-payments.lua "$base" >"$results/ledger-pace.txt" 2>/dev/null
paced=$(wrk_figures "$results/ledger-pace.txt" | cut -d' ' -f1)
latency=$(( connections * 1000 / (paced > 0 ? paced : 1) - delay ))
delay=$(( connections * 1000 / target - latency )); [ "$delay" -lt 0 ] && delay=0
DELAY_MS=$delay wrk -t2 -c"$connections" -d"${lag_seconds}s" --latency -s bench/create-payments.lua "$base" \
  >"$results/ledger-paced.txt" 2>"$results/ledger-paced.err" &
load=$!
mark=$(cpu_mark)
python3 bench/read-lag.py "$base" $(( lag_seconds - 1 )) 0.2 0.01 >"$results/read-lag.txt" || true
wait "$load"
ended=$(millis)
paced_steal=$(cpu_share "$mark" steal)
read -r paced_rate paced_p50 paced_p99 paced_errors < <(wrk_figures "$results/ledger-paced.txt")
created=$(sql "SELECT count(*) FROM domain_event_entry WHERE payload_type = 'io.ledger.api.payment.PaymentCreated'")
within 300 all_in_view || { echo "payment_view did not catch up within 300 s" >&2; exit 1; }
in_view=$(( $(millis) - ended ))
within 300 projections_caught_up || { echo "the projections did not catch up within 300 s" >&2; exit 1; }
all_caught_up=$(( $(millis) - ended ))
read -r _ probes _ lag_p50 _ lag_p90 _ lag_p99 _ lag_max _ probe_failures <"$results/read-lag.txt"
echo "paced load: $paced_rate creates/s (target $target, each connection waiting $delay ms), p50 $paced_p50 ms, p99 $paced_p99 ms"
echo "lag over $probes probes: p50 $lag_p50 ms, p90 $lag_p90 ms, p99 $lag_p99 ms, max $lag_max ms ($probe_failures failures)"
echo "after the load: all $created payments in payment_view after $in_view ms, all four projections caught up after $all_caught_up ms"

echo "== 7. heap after the load"
kill "$stats" 2>/dev/null; wait "$stats" 2>/dev/null || true; stats=
jcmd "$app" GC.heap_info >"$results/heap-loaded.txt"
jcmd "$app" GC.run >/dev/null
jcmd "$app" GC.heap_info >"$results/heap-collected.txt"
# G1's first line: "garbage-first heap   total 524288K, used 123456K [...]".
heap_mb() { grep -oE "$2 [0-9]+K" "$1" | head -1 | grep -oE '[0-9]+' | awk '{ printf "%d", $1 / 1024 }'; }
loaded_mb=$(heap_mb "$results/heap-loaded.txt" used)
live_mb=$(heap_mb "$results/heap-collected.txt" used)
total_mb=$(heap_mb "$results/heap-collected.txt" total)
# jstat -gc, a line a second during phases 4 and 5: the most heap in use, the old generation's most, the young
# collections and the time in full collections (its FGC count flickers between samples under G1; FGCT does not).
read -r peak_mb old_mb young_gcs young_gc_s full_gc_s < <(awk '
  $1 == "S0C" { for (i = 1; i <= NF; i++) col[$i] = i; next }
  $1 ~ /^[0-9.]+$/ { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > peak) peak = used;
                     if ($col["OU"] > old) old = $col["OU"]; ygc = $col["YGC"]; ygct = $col["YGCT"]; fgct = $col["FGCT"] }
  END { printf "%d %d %d %.1f %.1f\n", peak / 1024, old / 1024, ygc, ygct, fgct }' "$results/jstat.txt")
echo "heap: $loaded_mb MB in use after the load, $live_mb MB after a full GC, of $total_mb MB; while loaded at most $peak_mb MB, old generation at most $old_mb MB; $young_gcs young collections ($young_gc_s s), $full_gc_s s in full collections"
if grep -q OutOfMemoryError "/tmp/$db.log"; then echo "OutOfMemoryError in /tmp/$db.log" >&2; fi

echo "== 6. rebuild of all four read models from the event store"
events=$(sql "SELECT count(*) FROM domain_event_entry")
rebuild_idle=$(idle_now)
mark=$(cpu_mark)
t0=$(millis)
for name in payment-history payment-stats reconciliation journal; do
  curl -sS -f -o /dev/null -X POST "${auth[@]}" "$base/api/audit/projections/$name/replay"
done
# Right after a replay starts, its processor has no claimed segment and reports position 0: not caught up.
within 1800 projections_caught_up || { echo "the rebuild did not finish within 30 minutes" >&2; exit 1; }
rebuilt=$(( $(millis) - t0 ))
rebuild_steal=$(cpu_share "$mark" steal)
rebuild_rate=$(( events * 1000 / rebuilt ))
echo "rebuild: $events events in $rebuilt ms ($rebuild_rate events/s through all four)"
stop_app
drop_db "$db"

echo "== 1 and 3 again, after the ledger's rows"
pgbench_phase after
start_bare after
bare_create_phase after
stop_app
drop_db "$db"
bare_errors=$(( bare_errors + bare_errors_after ))
load_after=$(uptime)
elapsed=$(( $(date +%s) - started ))

errors_note() { if [ "$1" -gt 0 ]; then printf '; **%s errors**' "$1"; fi; }
cat <<EOF

## The comparison, $(date -u +%Y-%m-%d) ($elapsed s)

- \`uptime\` before: $load_before
- \`uptime\` after: $load_after
- last column: the share of the $(nproc) cores idle over one second before the phase started its programs (what the
  neighbours left), and the share stolen by the hypervisor during the measured run

| # | what | result | issue 13's goal | idle before, steal during |
| --- | --- | --- | --- | --- |
| 1 | PostgreSQL alone: pgbench, $connections clients, ${measure} s, one event row + one idempotency row per transaction | **$(thousands "$pg_rate") commits/s** before the ledger's rows, $(thousands "$pg_rate_after") after$(errors_note "$(( pg_failed + pg_failed_after ))") | | $pg_idle, $pg_steal; after: $pg_idle_after, $pg_steal_after |
| 2 | bare Spring Boot MVC endpoint, a small JSON map, no database (wrk, $connections connections; every JVM warmed up until its JIT settled: here $hello_warmed s) | **$(thousands "$hello_rate") requests/s**, p50 $hello_p50 ms, p99 $hello_p99 ms$(errors_note "$hello_errors") | | $bare_idle, $hello_steal |
| 3 | bare Spring MVC + JDBC: parse the create body, event row + idempotency row in one transaction, 201 JSON (warmed up $bare_warmed_before s) | **$(thousands "$bare_rate") requests/s**, p50 $bare_p50 ms, p99 $bare_p99 ms: $(ratio "$bare_rate" "$pg_rate") of row 1; after the ledger's rows $(thousands "$bare_rate_after") requests/s, $(ratio "$bare_rate_after" "$pg_rate_after") of row 1's after$(errors_note "$bare_errors") | | (row 2's), $bare_steal; after: $bare_steal_after |
| 4 | the ledger: \`POST /api/payments\`, Idempotency-Key, \`confirm: true\` + \`pm_card_visa\`, admin token, projections and workers on, 512 MB heap (warmed up $ledger_warmed s) | **$(thousands "$ledger_rate") creates/s**, p50 $ledger_p50 ms, p99 $ledger_p99 ms: **$(ratio "$ledger_rate" "$pg_rate") of row 1** ($(ratio "$ledger_rate" "$pg_rate_after") of its figure after), $(ratio "$ledger_rate" "$bare_rate") of row 3 ($(ratio "$ledger_rate" "$bare_rate_after") after)$(errors_note "$ledger_errors") | ≥ 0.5 of row 1, p99 < 50 ms | $ledger_idle, $ledger_steal |
| 5 | read models at half of row 4's rate ($(thousands "$paced_rate") creates/s paced, p99 $paced_p99 ms): create answered → \`GET /api/payments/{id}\` finds it; after the load ends | p50 $lag_p50 ms, **p99 $lag_p99 ms** ($probes probes, max $lag_max ms); every payment in \`payment_view\` **$in_view ms** after the load, all four projections caught up $all_caught_up ms after$(errors_note "$(( paced_errors + probe_failures ))") | p99 < 250 ms; < 1 s after | (row 4's), $paced_steal |
| 6 | rebuild of all four read models from the event store (replay of each, concurrently, until all caught up) | $(thousands "$events") events in $(awk -v t="$rebuilt" 'BEGIN { printf "%.1f", t / 1000 }') s: **$(thousands "$rebuild_rate") events/s** | ≥ 25,000 events/s | $rebuild_idle (the ledger idle), $rebuild_steal |
| 7 | the ledger's heap after phases 4 and 5 (\`jcmd GC.heap_info\`; \`jstat -gc\` while loaded) | **$live_mb MB live after a full GC** of $total_mb MB; $loaded_mb MB in use before it; at most $peak_mb MB in use while loaded (old generation at most $old_mb MB); $young_gcs young collections ($young_gc_s s in all) and $full_gc_s s of full collections while loaded | within 512 MB | |

Raw outputs: $results (wrk, pgbench, jstat, jcmd); logs: /tmp/${run}_*.log
EOF
