package io.ledger.api.paging;

import io.ledger.api.problem.LedgerProblem;

/** A {@code cursor} parameter that no list handed out, or another list's: 400 {@code validation_failed}. */
public final class InvalidCursor extends LedgerProblem {

    public static final String PARAMETER = "cursor";

    /** {@code reason} completes "cursor ...": {@code "belongs to another account"}. */
    public InvalidCursor(String reason) {
        super(PARAMETER, PARAMETER + " " + reason);
    }
}
