package io.ledger.command.payment;

import java.util.HashSet;
import java.util.Set;

/**
 * The settlements the provider reported for a payment. Any settlement seen before is a repeat, not only the latest:
 * providers redeliver out of order. A mismatch may be followed by another settlement; a match settles the payment for
 * good.
 */
record Settlements(Set<String> seen, boolean matched) {

    static final Settlements NONE = new Settlements(Set.of(), false);

    Settlements {
        seen = Set.copyOf(seen);
    }

    boolean saw(String settlementId) {
        return seen.contains(settlementId);
    }

    /** Whether a new settlement may still be recorded: not once one matched. */
    boolean open() {
        return !matched;
    }

    Settlements with(String settlementId, boolean matching) {
        Set<String> more = new HashSet<>(seen);
        more.add(settlementId);
        return new Settlements(more, matching);
    }
}
