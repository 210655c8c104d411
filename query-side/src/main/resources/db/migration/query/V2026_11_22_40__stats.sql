-- Payment stats, written by the payment-stats projection (pooled streaming processor) in the same transaction as
-- its token. A stats query sums the buckets of its range; it never reads payments.

-- One bucket per UTC day, currency and provider. Each fact is counted on the day of its event's timestamp.
-- Net volume is not stored: it is gross - refunded - fees of whatever buckets are summed.
CREATE TABLE stats_bucket (
    day             DATE        NOT NULL,
    currency        CHAR(3)     NOT NULL,
    provider        VARCHAR(32) NOT NULL,
    created         BIGINT      NOT NULL DEFAULT 0, -- payments created
    succeeded       BIGINT      NOT NULL DEFAULT 0, -- payments captured
    failed          BIGINT      NOT NULL DEFAULT 0, -- failed charge attempts
    canceled        BIGINT      NOT NULL DEFAULT 0, -- payments canceled
    gross_volume    BIGINT      NOT NULL DEFAULT 0, -- captured amounts, minor units
    refunded_volume BIGINT      NOT NULL DEFAULT 0, -- succeeded refunds
    fee_volume      BIGINT      NOT NULL DEFAULT 0, -- settlement fees; a re-settlement adds its difference
    PRIMARY KEY (day, currency, provider)
);

-- The projection's own lookup: where a payment's facts go (its currency and provider, from PaymentCreated), how far
-- its stream was applied (events at or below last_sequence are skipped: a redelivery counts nothing twice) and the
-- fee of its latest settlement.
CREATE TABLE stats_payment (
    payment_id    VARCHAR(64) PRIMARY KEY,
    currency      CHAR(3)     NOT NULL,
    provider      VARCHAR(32) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    settled_fee   BIGINT      NOT NULL DEFAULT 0
);
