package io.ledger.webhook.stripe;

import io.ledger.api.problem.LedgerProblem;

/** A query parameter of an operator endpoint is malformed. */
class InvalidParameter extends LedgerProblem {

    private final String field;

    InvalidParameter(String field, String message) {
        super(field, message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
