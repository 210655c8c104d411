package io.ledger.query.ledger;

import java.util.Locale;

/** The two sides of a journal line. */
enum Side {
    DEBIT,
    CREDIT;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
