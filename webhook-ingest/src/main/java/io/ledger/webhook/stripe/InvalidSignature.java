package io.ledger.webhook.stripe;

/** The request is not signed by Stripe with a configured secret, or the signature is stale or future-dated. */
class InvalidSignature extends RuntimeException {

    InvalidSignature(String message) {
        super(message);
    }
}
