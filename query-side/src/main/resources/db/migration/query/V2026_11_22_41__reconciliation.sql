-- Reconciliation, written by the reconciliation projection (pooled streaming processor) in the same transaction as
-- its token: one row per captured payment and the latest settlement the provider reported for it.
CREATE TABLE reconciliation_view (
    payment_id    VARCHAR(64)  PRIMARY KEY,
    currency      CHAR(3)      NOT NULL,
    amount        BIGINT       NOT NULL, -- captured, minor units
    succeeded_at  TIMESTAMPTZ  NOT NULL,
    status        VARCHAR(32)  NOT NULL DEFAULT 'unreconciled', -- unreconciled | matched | mismatched
    settlement_id VARCHAR(255),
    gross         BIGINT,
    fee           BIGINT,
    net           BIGINT,
    settled_at    TIMESTAMPTZ,
    last_sequence BIGINT       NOT NULL -- events of the payment at or below it were applied
);

-- GET /api/payments/unreconciled: keyset on (succeeded_at, payment_id) over the payments still open.
CREATE INDEX reconciliation_view_open ON reconciliation_view (succeeded_at, payment_id) WHERE status <> 'matched';

-- GET /api/payments/reconciliation: payments succeeded in a range, summed per currency and status from the index.
CREATE INDEX reconciliation_view_succeeded ON reconciliation_view (succeeded_at) INCLUDE (currency, status, amount, fee);
