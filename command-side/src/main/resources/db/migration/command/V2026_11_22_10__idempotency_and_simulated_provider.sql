-- Responses of POSTs made with an Idempotency-Key, per caller. Written in the same transaction as the request's
-- events; purged after the retention period (24 hours).
CREATE TABLE idempotency_key (
    scope             VARCHAR(255) NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    fingerprint       CHAR(64)     NOT NULL,
    response_status   SMALLINT     NOT NULL,
    response_location TEXT,
    response_body     TEXT         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);

-- Charges of the simulated provider that complete asynchronously (pm_card_processing), due at due_at.
CREATE TABLE simulated_async_charge (
    payment_id VARCHAR(64) PRIMARY KEY,
    due_at     TIMESTAMPTZ NOT NULL
);
