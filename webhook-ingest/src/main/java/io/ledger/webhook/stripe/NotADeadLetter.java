package io.ledger.webhook.stripe;

/** Only dead letters can be retried by an operator; the others are processed, ignored or still being retried. */
class NotADeadLetter extends RuntimeException {

    NotADeadLetter(String eventId, String state) {
        super("Stripe event " + eventId + " is " + state + ", not a dead letter.");
    }
}
