package io.ledger.query.audit;

/**
 * The hash chain recomputed from the stored events: how many events were checked against the chain, how many are not
 * chained yet (stored after the chain's head; not an error), the chain's head, and the first of the mismatches.
 * {@code lastIndex} and {@code lastHash} are the last checked event and its recomputed hash; {@code elapsedMillis} how
 * long the check took.
 */
public record ChainReport(
        long eventsChecked,
        long eventsUnchained,
        boolean chainValid,
        long mismatches,
        ChainMismatch firstMismatch,
        long chainHeadIndex,
        String chainHeadHash,
        long lastIndex,
        String lastHash,
        long elapsedMillis) {}
