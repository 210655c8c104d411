package io.ledger.query.audit;

/** The chain's last event: its global index and hash (0 and 32 zero bytes before the first), and the events chained. */
record ChainHead(long globalIndex, byte[] hash, long events) {}
