#!/usr/bin/env bash
# Measures HTTP payment creates: starts the ledger on a fresh database, warms it up, then drives it with wrk
# (16 connections, 2 threads) and prints throughput and latency percentiles. Needs wrk (apt-get install wrk).
# Usage: bench/create-payments.sh [seconds] [connections]
# Every request carries an admin's token (subject "bench", bench/lib.sh); the rate limit is off unless set.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-16}
source bench/lib.sh
start_ledger

echo "warm-up until the JIT settles (60 to ${WARMUP_MAX:-360} s: on 2 cores C2 compiles for about three minutes)"
warm_up_until_compiled 60 "${WARMUP_MAX:-360}" -s bench/create-payments.lua "$base" >/dev/null
echo "measured run (${seconds} s, $connections connections)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/create-payments.lua "$base"
sql "SELECT 'events stored: ' || count(*) FROM domain_event_entry UNION ALL SELECT 'idempotency rows: ' || count(*) FROM idempotency_key"
