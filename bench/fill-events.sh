# Shared by bench/audit.sh and bench/rebuild.sh: fill() writes realistic payment histories straight into the event
# store of database $db by SQL, five events per payment (PaymentCreated, PaymentSucceeded, RefundRequested,
# RefundSucceeded, PaymentReconciled; three currencies), payloads and metadata in the exact shape the ledger writes.
# Needs sql() from the sourcing script.
fill() {
  local events=$1 payments=$(( $1 / 5 )) chunk=20000 from=1
  while [ "$from" -le "$payments" ]; do
    local to=$(( from + chunk - 1 )); [ "$to" -gt "$payments" ] && to=$payments
    sql "
    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
        payload_type, payload_revision, payload, meta_data)
    SELECT gen_random_uuid()::text, p.id, e.seq, 'Payment',
           to_char((p.at + e.seq * interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
           'io.ledger.api.payment.' || e.kind, NULL,
           CASE e.kind
             WHEN 'PaymentCreated' THEN jsonb_build_object('amount', p.amount, 'orderId', 'order-' || p.n,
                 'metadata', '{}'::jsonb, 'provider', 'simulated', 'paymentId', p.id, 'customerId', 'cus_' || (p.n % 5000),
                 'description', 'Bench order ' || p.n, 'paymentMethod', NULL, 'providerPaymentId', 'sim_' || p.id)
             WHEN 'PaymentSucceeded' THEN jsonb_build_object('amount', p.amount, 'paymentId', p.id,
                 'paymentMethod', 'pm_card_visa', 'providerPaymentId', 'sim_' || p.id)
             WHEN 'RefundRequested' THEN jsonb_build_object('amount', p.refund, 'reason', 'requested_by_customer',
                 'refundId', 're_' || p.n, 'paymentId', p.id)
             WHEN 'RefundSucceeded' THEN jsonb_build_object('amount', p.refund, 'refundId', 're_' || p.n,
                 'paymentId', p.id, 'providerRefundId', 'sim_re_' || p.n)
             ELSE jsonb_build_object('fee', p.fee, 'net', p.net, 'gross', p.amount, 'paymentId', p.id,
                 'settledAt', to_char((p.at + interval '2 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
                 'settlementId', 'st_' || p.n)
           END,
           jsonb_build_object('actor', 'anonymous', 'source', 'api', 'causationId', gen_random_uuid()::text,
               'correlationId', gen_random_uuid()::text)
      FROM (SELECT n, 'pay_bench' || lpad(n::text, 9, '0') AS id,
                   timestamptz '2026-10-01 00:00:00+00' + n * interval '1 second' AS at,
                   jsonb_build_object('minor', 1000 + n % 90000, 'currency', (ARRAY['USD','EUR','GBP'])[1 + n % 3]) AS amount,
                   jsonb_build_object('minor', (1000 + n % 90000) / 4, 'currency', (ARRAY['USD','EUR','GBP'])[1 + n % 3]) AS refund,
                   jsonb_build_object('minor', (1000 + n % 90000) * 3 / 100, 'currency', (ARRAY['USD','EUR','GBP'])[1 + n % 3]) AS fee,
                   jsonb_build_object('minor', (1000 + n % 90000) - (1000 + n % 90000) * 3 / 100,
                       'currency', (ARRAY['USD','EUR','GBP'])[1 + n % 3]) AS net
              FROM generate_series($from, $to) n) p
     CROSS JOIN (VALUES (0, 'PaymentCreated'), (1, 'PaymentSucceeded'), (2, 'RefundRequested'),
                        (3, 'RefundSucceeded'), (4, 'PaymentReconciled')) e(seq, kind)
     ORDER BY p.n, e.seq" >/dev/null
    from=$(( to + 1 ))
  done
}
