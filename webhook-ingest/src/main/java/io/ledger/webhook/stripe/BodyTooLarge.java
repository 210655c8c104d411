package io.ledger.webhook.stripe;

/** The request body is larger than {@code ledger.webhook.max-body-size}. */
class BodyTooLarge extends RuntimeException {

    BodyTooLarge(long limit) {
        super("The request body exceeds " + limit + " bytes.");
    }
}
