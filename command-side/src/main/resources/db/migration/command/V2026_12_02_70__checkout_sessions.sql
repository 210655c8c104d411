-- Hosted checkout sessions (POST /api/checkout/sessions): one per payment, a row rather than an event-sourced stream,
-- since nothing about a session is money: the payment's events tell what was paid, the row only where the customer
-- pays (the URL) and until when. id is the session's unguessable id (the simulated provider's page is found by it);
-- provider_session_id is Stripe's cs_... (NULL with the simulated provider). status is open, complete or expired;
-- lease_until is the expiry worker's claim (NULL: unclaimed), so that several nodes expire each session once.
CREATE TABLE checkout_session (
    id                  VARCHAR(64)   PRIMARY KEY,
    payment_id          VARCHAR(64)   NOT NULL UNIQUE,
    customer_id         VARCHAR(255)  NOT NULL,
    provider_session_id VARCHAR(255),
    url                 VARCHAR(2048) NOT NULL,
    success_url         VARCHAR(2048) NOT NULL,
    cancel_url          VARCHAR(2048),
    status              VARCHAR(16)   NOT NULL,
    expires_at          TIMESTAMPTZ   NOT NULL,
    lease_until         TIMESTAMPTZ,
    created_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX checkout_session_due ON checkout_session (expires_at) WHERE status = 'open';
