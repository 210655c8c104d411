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
    SETTLEMENT_REVERSAL,
    /** The processor withdrew a disputed amount and its fee. */
    DISPUTE_OPENED,
    /** A dispute was won: the amount (and the fee returned) came back. */
    DISPUTE_WON,
    /** A dispute was lost: the amount and the fee are gone. */
    DISPUTE_LOST;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EntryKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
