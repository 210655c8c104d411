#!/usr/bin/env bash
# Measures GET /api/payments latency with a million payments in the read model: fills payment_view with 1,000,000
# synthetic rows (SQL generate_series, then ANALYZE), then times typical list queries with wrk (1 connection).
# Usage: bench/list-latency.sh [rows]     (needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
source bench/lib.sh
start_ledger

echo "filling payment_view with $rows payments"
sql "INSERT INTO payment_view (payment_id, status, amount, currency, customer_id, order_id, description, provider,
       provider_payment_id, created_at, updated_at, version)
     SELECT 'pay_bench' || lpad(i::text, 15, '0'),
            (ARRAY['succeeded','failed','pending','refunded','partially_refunded','canceled'])[1 + i % 6],
            100 + (i::bigint * 7919) % 99900, (ARRAY['usd','eur','gbp','jpy'])[1 + i % 4], 'cus_' || (i % 50000),
            'order_' || i, 'bench order ' || i, 'simulated', 'sim_pay_bench' || i,
            timestamptz '2026-01-01' + (i || ' seconds')::interval, now(), 2
       FROM generate_series(1, $rows) AS i" >/dev/null
sql "ANALYZE payment_view" >/dev/null
cursor=$(curl -sS "${auth[@]}" "$base/api/payments?limit=20" | grep -o '"nextCursor":"[^"]*"' | cut -d'"' -f4)
for query in "limit=20" "limit=100" "cursor=$cursor" "sort=amount&order=asc&limit=20" "customerId=cus_4242" \
             "status=failed&limit=20" "currency=eur&minAmount=5000&maxAmount=6000" "q=order_777777" \
             "createdFrom=2026-01-05T00:00:00Z&createdTo=2026-01-06T00:00:00Z"; do
  result=$(wrk -t1 -c1 -d5s --latency "${auth[@]}" "$base/api/payments?$query")
  printf '%-70s %s req/s, p50 %s, p99 %s\n' "$query" \
    "$(grep Requests/sec <<<"$result" | awk '{print $2}')" \
    "$(grep ' 50%' <<<"$result" | awk '{print $2}')" "$(grep ' 99%' <<<"$result" | awk '{print $2}')"
done
