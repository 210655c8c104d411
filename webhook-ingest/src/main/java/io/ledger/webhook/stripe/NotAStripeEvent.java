package io.ledger.webhook.stripe;

import io.ledger.api.problem.LedgerProblem;

/** A correctly signed body that is not a Stripe event object (not JSON, or a required field missing or mistyped). */
class NotAStripeEvent extends LedgerProblem {

    private final String field;

    NotAStripeEvent(String field, String message) {
        super(field, message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
