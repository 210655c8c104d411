-- The audit hash chain over the global event log (README, "Audit").
--
-- Every event row records the transaction that stored it (tx_id). The global index is drawn after the
-- transaction has its id (pg_current_xact_id() assigns one), so a transaction holding a drawn index is always visible
-- in pg_locks as a running transaction. The chain writer uses that: it notes the last drawn index, then the running
-- transactions; once those have all finished, every index up to the noted one is either committed and visible or was
-- rolled back for good, so the chain can pass a missing index without ever skipping an event that commits late.
ALTER TABLE domain_event_entry ADD COLUMN tx_id XID8 NOT NULL DEFAULT pg_current_xact_id();

-- The global index is drawn only after the transaction has its id: the CASE evaluates pg_current_xact_id() (which
-- assigns one) before nextval(). A plain expression rather than a trigger: it costs less per insert.
ALTER TABLE domain_event_entry ALTER COLUMN global_index
    SET DEFAULT CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('domain_event_entry_global_index_seq') END;

-- One row per chained event, in global index order. Besides the chain hash it keeps the event's header fields and the
-- SHA-256 of its payload and metadata encodings, so a verification can name what an edit changed and name a deleted
-- event.
CREATE TABLE audit_chain (
    global_index         BIGINT       PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload_sha256       BYTEA        NOT NULL CHECK (octet_length(payload_sha256) = 32),
    meta_data_sha256     BYTEA        NOT NULL CHECK (octet_length(meta_data_sha256) = 32),
    hash                 BYTEA        NOT NULL CHECK (octet_length(hash) = 32),
    chained_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The head of the chain: its last event (0 and 32 zero bytes before the first). The single writer locks this row.
CREATE TABLE audit_chain_head (
    id           BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    global_index BIGINT  NOT NULL,
    hash         BYTEA   NOT NULL CHECK (octet_length(hash) = 32),
    events       BIGINT  NOT NULL
);
INSERT INTO audit_chain_head (global_index, hash, events) VALUES (0, '\x0000000000000000000000000000000000000000000000000000000000000000', 0);

