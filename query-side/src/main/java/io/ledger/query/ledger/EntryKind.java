package io.ledger.query.ledger;

import java.util.Locale;

/** Why an entry was posted. */
enum EntryKind {
    /** The processor captured a payment. */
    CAPTURE,
    /** A refund was paid back. */
    REFUND,
    /** The processor settled a payment (matched or not). */
    SETTLEMENT,
    /** A later settlement of the same payment undoes the previous one before posting its own. */
    SETTLEMENT_REVERSAL;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EntryKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
