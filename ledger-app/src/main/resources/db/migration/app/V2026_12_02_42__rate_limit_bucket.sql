-- Per-caller rate limits counted across every node of a clustered ledger (ledger.rate-limit.store=postgresql, the
-- default when LEDGER_CLUSTER_MEMBERS is set; one node counts in memory and never touches this table). Bucket4j's
-- PostgreSQL backend reads and writes it, locking a caller's row (SELECT ... FOR UPDATE) for one short transaction per
-- call; the table is the ledger's, made here, never by Bucket4j.
--   caller     the token's subject (the events' actor), or 'anonymous'
--   state      the token bucket as Bucket4j serializes it (NULL for a moment when a caller's row is first made)
--   expires_at epoch milliseconds after which the bucket has refilled completely, so the row can go: a new one is the
--              same. Deleted in batches by every node (FOR UPDATE SKIP LOCKED).
CREATE TABLE rate_limit_bucket (
    caller     TEXT   PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
