-- pgbench script of bench/compare.sh: one payment create's durable work in SQL alone, into the ledger's own tables
-- (a database migrated by the ledger's Flyway scripts): one transaction = one PaymentCreated event row (its global
-- index and tx_id drawn by the columns' defaults) + one idempotency row holding a 201 answer of the ledger's size.
\set n random(1, 1000000000000)
BEGIN;
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
    payload_type, payload, meta_data)
VALUES (gen_random_uuid()::text, 'pay_pg' || :client_id || '_' || :n, 0, 'Payment',
    to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'io.ledger.api.payment.PaymentCreated',
    jsonb_build_object('amount', jsonb_build_object('minor', 100 + :n % 9900, 'currency', 'USD'), 'orderId', NULL,
        'metadata', '{}'::jsonb, 'provider', 'simulated', 'paymentId', 'pay_pg' || :client_id || '_' || :n,
        'customerId', 'cus_bench_' || :n % 100, 'description', NULL, 'paymentMethod', 'pm_card_visa',
        'providerPaymentId', 'sim_pay_pg' || :client_id || '_' || :n),
    jsonb_build_object('actor', 'bench', 'source', 'api', 'causationId', gen_random_uuid()::text,
        'correlationId', gen_random_uuid()::text));
INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, response_status, response_location, response_body)
VALUES ('bench', 'pgbench-' || :client_id || '-' || :n, encode(sha256(('pgbench' || :n)::bytea), 'hex'), 201,
    '/api/payments/pay_pg' || :client_id || '_' || :n,
    '{"id":"pay_pg' || :client_id || '_' || :n || '","status":"succeeded","amount":' || (100 + :n % 9900)
        || ',"currency":"usd","amountRefunded":0,"customerId":"cus_bench_' || :n % 100 || '","orderId":null,'
        || '"description":null,"metadata":{},"provider":"simulated","providerPaymentId":"sim_pay_pg' || :n || '",'
        || '"failure":null,"refunds":[],"reconciliation":{"status":"unreconciled","settlementId":null,"fee":null,'
        || '"netAmount":null,"settledAt":null},"createdAt":"' || now() || '","updatedAt":"' || now() || '",'
        || '"version":2,"clientSecret":"sim_pay_pg' || :n || '_secret_' || gen_random_uuid() || '"}');
END;
