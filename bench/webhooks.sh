#!/usr/bin/env bash
# Measures webhook ingest: starts the ledger on a fresh database (no Stripe key: events are translated from their own
# objects), posts N signed payment_intent.succeeded events of PaymentIntents the ledger never saw (8 concurrent
# senders), then waits until the inbox worker has imported and recorded them all.
# Usage: bench/webhooks.sh [events]
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-2000}
source bench/lib.sh
export STRIPE_WEBHOOK_SECRET=whsec_bench LEDGER_WEBHOOK_POLL_INTERVAL=PT0.2S
start_ledger
python3 bench/webhooks.py "$port" "$db" "$events"
