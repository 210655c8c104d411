package io.ledger.webhook.stripe;

/** A correctly signed body that is not a Stripe event object (not JSON, or a required field missing or mistyped). */
class NotAStripeEvent extends RuntimeException {

    private final String field;

    NotAStripeEvent(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
