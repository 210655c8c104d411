-- pgbench script of bench/compare.sh: one payment create's durable work in SQL alone, into the ledger's own tables
-- (a database migrated by the ledger's Flyway scripts): one transaction = one PaymentCreated event row (its global
-- index and tx_id drawn by the columns' defaults) + one idempotency row holding a 201 answer of the ledger's size.
-- Run with -M prepared, as the JDBC driver prepares repeated statements: pgbench then reads every colon followed by
-- a name as a variable, inside literals too, so the JSON and the timestamp are built by functions, not written out.
\set n random(1, 1000000000000)
BEGIN;
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
    payload_type, payload, meta_data)
VALUES (gen_random_uuid()::text, 'pay_pg' || :client_id::int || '_' || :n::bigint, 0, 'Payment',
    (to_json(clock_timestamp() AT TIME ZONE 'UTC') #>> '{}') || 'Z',
    'io.ledger.api.payment.PaymentCreated',
    jsonb_build_object('amount', jsonb_build_object('minor', 100 + :n::bigint % 9900, 'currency', 'USD'),
        'orderId', NULL, 'metadata', '{}'::jsonb, 'provider', 'simulated',
        'paymentId', 'pay_pg' || :client_id::int || '_' || :n::bigint, 'customerId', 'cus_bench_' || :n::bigint % 100,
        'description', NULL, 'paymentMethod', 'pm_card_visa',
        'providerPaymentId', 'sim_pay_pg' || :client_id::int || '_' || :n::bigint),
    jsonb_build_object('actor', 'bench', 'source', 'api', 'causationId', gen_random_uuid()::text,
        'correlationId', gen_random_uuid()::text));
INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, response_status, response_location, response_body)
VALUES ('bench', 'pgbench-' || :client_id::int || '-' || :n::bigint,
    encode(sha256(('pgbench' || :n::bigint)::bytea), 'hex'), 201,
    '/api/payments/pay_pg' || :client_id::int || '_' || :n::bigint,
    jsonb_build_object('id', 'pay_pg' || :client_id::int || '_' || :n::bigint, 'status', 'succeeded',
        'amount', 100 + :n::bigint % 9900, 'currency', 'usd', 'amountRefunded', 0,
        'customerId', 'cus_bench_' || :n::bigint % 100, 'orderId', NULL, 'description', NULL, 'metadata', '{}'::jsonb,
        'provider', 'simulated', 'providerPaymentId', 'sim_pay_pg' || :client_id::int || '_' || :n::bigint,
        'failure', NULL, 'refunds', '[]'::jsonb,
        'reconciliation', jsonb_build_object('status', 'unreconciled', 'settlementId', NULL, 'fee', NULL,
            'netAmount', NULL, 'settledAt', NULL),
        'createdAt', clock_timestamp(), 'updatedAt', clock_timestamp(), 'version', 2,
        'clientSecret', 'sim_pay_pg' || :n::bigint || '_secret_' || gen_random_uuid())::text);
END;
