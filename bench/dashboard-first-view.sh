#!/usr/bin/env bash
# Measures the analysts' page's first view (docs/dashboard.md) on a ledger holding PAYMENTS payments (default 100,000):
# a fresh database is filled by SQL with their histories (bench/fill-events.sh, five events each: created, succeeded,
# refund requested and succeeded, reconciled), moved into the last 30 days so that the overview's default period holds
# them all, the ledger starts on it and builds its read models, then DashboardFirstViewIT opens /dashboard in headless
# Chromium ROUNDS times (default 5) and prints, per round, when the overview's figures were on the page (from the
# navigation's start) and how long each other view took to show its rows.
# Usage: bench/dashboard-first-view.sh [payments]
set -euo pipefail
cd "$(dirname "$0")/.."
payments=${1:-100000}
export BENCH_PORT=${BENCH_PORT:-18090}
# shellcheck source=bench/lib.sh
source bench/lib.sh
# shellcheck source=bench/fill-events.sh
source bench/fill-events.sh

build_ledger_if_stale
mint_token
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null' EXIT
launch_ledger
wait_until_up "$base/actuator/health" 120 || { echo "the ledger did not start; see /tmp/$db.log" >&2; exit 1; }
kill "$app"; wait "$app" 2>/dev/null || true   # the database is created and migrated
t0=$(millis); fill $(( payments * 5 ))
# The fill dates its payments from 2026-10-01; move them to end two days ago, inside the overview's default 30 days.
sql "UPDATE domain_event_entry SET time_stamp = to_char((time_stamp::timestamptz + (date_trunc('day', now()) - interval '2 days' - timestamptz '2026-10-01 00:00:00+00' - interval '$(( payments ))' second)) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')" >/dev/null
echo "fill: $payments payments, $(sql 'SELECT count(*) FROM domain_event_entry') events in $(( $(millis) - t0 )) ms"
t0=$(millis); launch_ledger
wait_until_up "$base/actuator/health" 120 || { echo "the ledger did not start; see /tmp/$db.log" >&2; exit 1; }
until projections_caught_up; do sleep 0.5; done
echo "read models built in $(( $(millis) - t0 )) ms; load: $(uptime | sed 's/.*load average/load average/')"
./mvnw --batch-mode --no-transfer-progress --quiet -pl ledger-app -am verify -Dtest=none \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DashboardFirstViewIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dspotless.check.skip=true -Ddashboard.url="$base" -Ddashboard.token="$BENCH_TOKEN" \
  -Ddashboard.rounds="${ROUNDS:-5}" 2>&1 | grep 'DashboardFirstViewIT round' || {
    echo "the measurement failed: see ledger-app/target/failsafe-reports" >&2; exit 1; }
