#!/usr/bin/env bash
# Bytes per payment in PostgreSQL: drives PAYMENTS (default 20,000) histories over HTTP (bench/storage.py: create and
# charge, every second one refunded in part, every one settled), waits for the read models and the hash chain, then
# prints each table's size (heap, indexes and TOAST) per payment and per event.
#   bench/storage.sh [PAYMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
payments=${1:-20000}

start_ledger
python3 bench/storage.py "$base" "$payments" "${THREADS:-8}"

deadline=$(( $(date +%s) + 120 ))
until projections_caught_up && [ "$(sql "SELECT count(*) FROM domain_event_entry")" = \
  "$(sql "SELECT events FROM audit_chain_head")" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "read models or chain not caught up after 120 s" >&2; exit 1; }
  sleep 1
done
sql "VACUUM ANALYZE" >/dev/null

events=$(sql "SELECT count(*) FROM domain_event_entry")
echo "payments: $payments, events: $events"
echo "| table | rows | total | bytes per payment | bytes per event |"
echo "| --- | --- | --- | --- | --- |"
sql "SELECT c.relname, c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid)),
            pg_total_relation_size(c.oid) / $payments, pg_total_relation_size(c.oid) / $events
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_total_relation_size(c.oid) > 16384
      ORDER BY pg_total_relation_size(c.oid) DESC" | awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}'
sql "SELECT 'all tables', '', pg_size_pretty(sum(pg_total_relation_size(c.oid))),
            sum(pg_total_relation_size(c.oid))::bigint / $payments, sum(pg_total_relation_size(c.oid))::bigint / $events
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r'" |
  awk -F'|' '{printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5}'
