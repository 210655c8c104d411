package io.ledger.query.audit;

import java.util.List;

/**
 * Where the stored events and the hash chain disagree. {@code problem} is {@code altered} (the event's recomputed hash
 * differs; {@code differs} names the fields), {@code deleted} (the chain has an event the store no longer has),
 * {@code not_in_chain} (a stored event at or below the chain's head that the chain never saw: inserted behind the
 * ledger's back) or {@code head} (the chain's head row does not match its last event).
 */
public record ChainMismatch(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        Long sequenceNumber,
        String problem,
        List<String> differs,
        String chainHash,
        String recomputedHash) {}
