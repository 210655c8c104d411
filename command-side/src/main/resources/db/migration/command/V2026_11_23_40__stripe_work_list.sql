-- The Stripe janitor's work list: Stripe payments and refunds whose outcome Stripe has not told us yet. Written by
-- the command side in the same transaction as the events that start or end the wait; next_check_at is when the
-- janitor looks next (NULL: nothing awaited), checks how often it has looked since the wait began (for the backoff).
CREATE TABLE stripe_payment_watch (
    payment_id          VARCHAR(64)  PRIMARY KEY,
    provider_payment_id VARCHAR(255) NOT NULL,
    status              VARCHAR(32)  NOT NULL,
    payment_method      VARCHAR(255),
    -- Charge attempts recorded so far; the confirm that led to the current status used key <paymentId>-confirm-<n>.
    charge_attempts     INTEGER      NOT NULL DEFAULT 0,
    waiting_since       TIMESTAMPTZ  NOT NULL,
    next_check_at       TIMESTAMPTZ,
    checks              INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX stripe_payment_watch_due ON stripe_payment_watch (next_check_at) WHERE next_check_at IS NOT NULL;

-- Refunds recorded as pending: requested at Stripe and not settled yet (provider_refund_id NULL: Stripe's answer
-- never came, the janitor repeats the request with the same idempotency key to learn it).
CREATE TABLE stripe_refund_watch (
    refund_id           VARCHAR(64)  PRIMARY KEY,
    payment_id          VARCHAR(64)  NOT NULL REFERENCES stripe_payment_watch (payment_id),
    provider_payment_id VARCHAR(255) NOT NULL,
    provider_refund_id  VARCHAR(255),
    amount              BIGINT       NOT NULL,
    currency            CHAR(3)      NOT NULL,
    reason              VARCHAR(500),
    waiting_since       TIMESTAMPTZ  NOT NULL,
    next_check_at       TIMESTAMPTZ  NOT NULL,
    checks              INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX stripe_refund_watch_due ON stripe_refund_watch (next_check_at);
