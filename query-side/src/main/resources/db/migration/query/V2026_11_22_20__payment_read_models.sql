-- Read models of the query side. Each is written by one projection (an Axon pooled streaming processor) in the
-- same transaction as that processor's token, and can be rebuilt from the event store.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Payment history: one row per payment, the payment resource of the contract.
CREATE TABLE payment_view (
    payment_id            VARCHAR(64)  PRIMARY KEY,
    status                VARCHAR(32)  NOT NULL,
    amount                BIGINT       NOT NULL,
    currency              CHAR(3)      NOT NULL,
    amount_refunded       BIGINT       NOT NULL DEFAULT 0,
    customer_id           VARCHAR(255) NOT NULL,
    order_id              VARCHAR(255),
    description           TEXT,
    metadata              JSONB        NOT NULL DEFAULT '{}',
    provider              VARCHAR(32)  NOT NULL,
    provider_payment_id   VARCHAR(255),
    failure_code          VARCHAR(255),
    failure_message       TEXT,
    reconciliation_status VARCHAR(32)  NOT NULL DEFAULT 'unreconciled',
    settlement_id         VARCHAR(255),
    settlement_fee        BIGINT,
    settlement_net        BIGINT,
    settled_at            TIMESTAMPTZ,
    succeeded_at          TIMESTAMPTZ,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    version               BIGINT       NOT NULL
);
-- Keyset pagination: every sort key ends with the id, so positions are unique.
CREATE INDEX payment_view_created ON payment_view (created_at, payment_id);
CREATE INDEX payment_view_amount ON payment_view (amount, payment_id);
CREATE INDEX payment_view_customer ON payment_view (customer_id, created_at, payment_id);
CREATE INDEX payment_view_status ON payment_view (status, created_at, payment_id);
CREATE INDEX payment_view_order ON payment_view (order_id);
CREATE INDEX payment_view_provider_payment ON payment_view (provider_payment_id);
CREATE INDEX payment_view_description_trgm ON payment_view USING gin (description gin_trgm_ops);

CREATE TABLE refund_view (
    refund_id  VARCHAR(64) PRIMARY KEY,
    payment_id VARCHAR(64) NOT NULL,
    amount     BIGINT      NOT NULL,
    currency   CHAR(3)     NOT NULL,
    status     VARCHAR(32) NOT NULL,
    reason     TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX refund_view_payment ON refund_view (payment_id, created_at);
