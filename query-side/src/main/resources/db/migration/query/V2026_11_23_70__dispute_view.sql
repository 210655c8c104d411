-- The disputes of each payment (payment-history read model), listed on the payment resource.
CREATE TABLE dispute_view (
    dispute_id VARCHAR(255) PRIMARY KEY,
    payment_id VARCHAR(64)  NOT NULL,
    amount     BIGINT       NOT NULL,
    fee        BIGINT       NOT NULL,
    currency   CHAR(3)      NOT NULL,
    status     VARCHAR(16)  NOT NULL CHECK (status IN ('open', 'won', 'lost')),
    reason     TEXT,
    opened_at  TIMESTAMPTZ  NOT NULL,
    closed_at  TIMESTAMPTZ
);
CREATE INDEX dispute_view_payment ON dispute_view (payment_id, opened_at);

-- Disputes already in the event store fill the new table as the projection would have, so that a database upgraded
-- here needs no replay; the projection's own writes are idempotent over these rows.
INSERT INTO dispute_view (dispute_id, payment_id, amount, fee, currency, status, reason, opened_at)
SELECT payload ->> 'disputeId', payload ->> 'paymentId', (payload -> 'amount' ->> 'minor')::bigint,
       (payload -> 'fee' ->> 'minor')::bigint, lower(payload -> 'amount' ->> 'currency'), 'open', payload ->> 'reason',
       time_stamp::timestamptz
  FROM domain_event_entry
 WHERE payload_type = 'io.ledger.api.payment.DisputeOpened'
ON CONFLICT (dispute_id) DO NOTHING;

UPDATE dispute_view d
   SET status = CASE WHEN e.payload_type = 'io.ledger.api.payment.DisputeWon' THEN 'won' ELSE 'lost' END,
       closed_at = e.time_stamp::timestamptz
  FROM domain_event_entry e
 WHERE e.payload_type IN ('io.ledger.api.payment.DisputeWon', 'io.ledger.api.payment.DisputeLost')
   AND e.payload ->> 'disputeId' = d.dispute_id;
