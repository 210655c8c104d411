-- The webhook inbox: every verified Stripe event, kept as evidence and processed from here exactly once.
-- Keyed by Stripe's event id, so a redelivery inserts nothing (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE stripe_webhook_event (
    stripe_event_id VARCHAR(255) PRIMARY KEY,
    event_type      VARCHAR(255) NOT NULL,
    api_version     VARCHAR(64),                     -- the Stripe API version the event was rendered in
    created_at      TIMESTAMPTZ  NOT NULL,           -- Stripe's "created"
    received_at     TIMESTAMPTZ  NOT NULL,
    payload         TEXT         NOT NULL,           -- the raw request body, exactly as signed (cast to jsonb to query)
    state           VARCHAR(16)  NOT NULL,           -- received, retrying, processed, ignored, dead
    attempts        INTEGER      NOT NULL DEFAULT 0, -- failed processing attempts since the last operator retry
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      TEXT,
    processed_at    TIMESTAMPTZ,
    CONSTRAINT stripe_webhook_event_state
        CHECK (state IN ('received', 'retrying', 'processed', 'ignored', 'dead'))
);
-- What the worker claims: due rows still to process.
CREATE INDEX stripe_webhook_event_due ON stripe_webhook_event (next_attempt_at)
    WHERE state IN ('received', 'retrying');
-- The operator's dead-letter list, keyset-paginated.
CREATE INDEX stripe_webhook_event_dead ON stripe_webhook_event (received_at, stripe_event_id)
    WHERE state = 'dead';
