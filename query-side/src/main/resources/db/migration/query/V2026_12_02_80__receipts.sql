-- Receipts and the emails about payments, written by the receipts processor (a pooled streaming processor of one
-- segment) in the same transaction as its token. Unlike the read models these are kept records, never rebuilt: a
-- receipt number, once given, is the payment's for good, and an email, once queued, is sent at most once. The
-- processor refuses a token reset (@DisallowReplay), its writes are idempotent (a redelivered event adds nothing), and
-- the read models' rebuilds and verification leave these tables alone (docs/receipts.md).

-- Who each payment is for, from PaymentCreated: the receipts and notices of later events name the customer.
CREATE TABLE receipt_payment (
    payment_id  VARCHAR(64)  PRIMARY KEY,
    customer_id VARCHAR(255) NOT NULL,
    order_id    VARCHAR(255),
    description TEXT
);

-- The last receipt number given in each year (UTC). A batch that gives numbers updates its year's row in its own
-- transaction, which holds the row's lock until it commits: numbers are taken one writer at a time, whichever node
-- writes, and a batch that rolls back gives its numbers back with the rest of its writes. No gap, no number twice.
CREATE TABLE receipt_counter (
    year        INTEGER PRIMARY KEY,
    last_number BIGINT  NOT NULL CHECK (last_number >= 0)
);

-- One receipt per succeeded payment: R-<year>-<number of at least 6 digits>.
CREATE TABLE receipt (
    payment_id     VARCHAR(64)  PRIMARY KEY,
    number         VARCHAR(32)  NOT NULL UNIQUE,
    year           INTEGER      NOT NULL,
    seq            BIGINT       NOT NULL CHECK (seq > 0),
    customer_id    VARCHAR(255), -- null only if the payment's creation was never seen
    amount         BIGINT       NOT NULL, -- captured, minor units
    currency       CHAR(3)      NOT NULL,
    payment_method VARCHAR(255),
    issued_at      TIMESTAMPTZ  NOT NULL, -- the payment's success (its event's timestamp)
    UNIQUE (year, seq)
);

-- Refunds paid back on a receipt's payment, for "refunds so far".
CREATE TABLE receipt_refund (
    refund_id   VARCHAR(64) PRIMARY KEY,
    payment_id  VARCHAR(64) NOT NULL,
    amount      BIGINT      NOT NULL,
    currency    CHAR(3)     NOT NULL,
    refunded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX receipt_refund_payment ON receipt_refund (payment_id, refunded_at);

-- The outbox of emails, written with the fact it tells of. One row per fact (dedup_key: receipt:<paymentId>,
-- failure:<eventId>, refund:<refundId>); the mail worker moves it through
--   pending -> sending (committed before the SMTP conversation) -> sent
--   pending -> sending -> pending again (an SMTP error that sent nothing; next_attempt_at after a backoff)
--   sending -> unconfirmed (its lease ran out, or the connection broke mid-message: it may or may not have been sent;
--              never sent again automatically, an operator decides; docs/operations.md)
--   -> failed (refused for good, or too many attempts), skipped (the customer has no email, or a failure notice whose
--              payment succeeded since), expired (older than ledger.mail.max-age when its turn came)
CREATE TABLE mail_outbox (
    id              BIGSERIAL    PRIMARY KEY,
    dedup_key       VARCHAR(128) NOT NULL UNIQUE,
    kind            VARCHAR(16)  NOT NULL, -- receipt | failure | refund
    payment_id      VARCHAR(64)  NOT NULL,
    customer_id     VARCHAR(255) NOT NULL,
    refund_id       VARCHAR(64),
    amount          BIGINT       NOT NULL, -- the payment's (receipt, failure) or the refund's, minor units
    currency        CHAR(3)      NOT NULL,
    failure_code    VARCHAR(255),
    failure_message TEXT,
    occurred_at     TIMESTAMPTZ  NOT NULL, -- the fact's event timestamp
    status          VARCHAR(16)  NOT NULL DEFAULT 'pending',
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    lease_until     TIMESTAMPTZ,
    claimed_by      VARCHAR(255),
    recipient       VARCHAR(320),
    message_id      VARCHAR(255),
    last_error      TEXT,
    sent_at         TIMESTAMPTZ
);
-- The worker's claim: due rows, oldest first.
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, id) WHERE status = 'pending';
-- Rows being sent, for the sweep that finds leases run out.
CREATE INDEX mail_outbox_sending ON mail_outbox (lease_until) WHERE status = 'sending';
