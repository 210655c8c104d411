-- The journal: the double-entry read model written by the "journal" projection. Every money-moving payment fact
-- becomes balanced lines in journal_line; journal_balance_daily keeps per-day totals in the same transaction, so a
-- balance never needs a scan of the lines. Amounts are bigint minor units, currency lowercase ISO 4217.

CREATE TABLE journal_line (
    event_id     VARCHAR(255) NOT NULL,  -- the event's identifier: with line_no, the idempotency key
    line_no      INTEGER      NOT NULL,  -- 1.. within the event
    global_index BIGINT       NOT NULL,  -- the event's position in the event store: posting order
    payment_id   VARCHAR(64)  NOT NULL,
    entry_kind   VARCHAR(32)  NOT NULL,  -- capture, refund, settlement, settlement_reversal
    account      VARCHAR(64)  NOT NULL,
    currency     CHAR(3)      NOT NULL,
    debit        BIGINT       NOT NULL,
    credit       BIGINT       NOT NULL,
    posted_at    TIMESTAMPTZ  NOT NULL,  -- the event's timestamp
    PRIMARY KEY (event_id, line_no),
    CONSTRAINT journal_line_one_side CHECK ((debit > 0 AND credit = 0) OR (debit = 0 AND credit > 0)),
    CONSTRAINT journal_line_kind CHECK (entry_kind IN ('capture', 'refund', 'settlement', 'settlement_reversal'))
);
-- An account's lines in posting order (keyset pagination).
CREATE INDEX journal_line_account ON journal_line (account, global_index, line_no);
-- A payment's previous settlement, to reverse it.
CREATE INDEX journal_line_payment ON journal_line (payment_id, entry_kind, global_index);
-- The lines of one day up to an instant, for a trial balance as of that instant.
CREATE INDEX journal_line_posted ON journal_line (posted_at);

-- Debits and credits per UTC day, account and currency, of the lines in journal_line.
CREATE TABLE journal_balance_daily (
    day      DATE        NOT NULL,
    account  VARCHAR(64) NOT NULL,
    currency CHAR(3)     NOT NULL,
    debits   BIGINT      NOT NULL,
    credits  BIGINT      NOT NULL,
    PRIMARY KEY (day, account, currency),
    CONSTRAINT journal_balance_daily_non_negative CHECK (debits >= 0 AND credits >= 0)
);
