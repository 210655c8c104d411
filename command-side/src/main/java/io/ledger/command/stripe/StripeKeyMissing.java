package io.ledger.command.stripe;

/**
 * A webhook's object cannot be synced without reading Stripe (a payout's transactions must be listed), and no Stripe
 * key is configured: the event fails, is retried, and ends as a dead letter to retry once a key is set.
 */
class StripeKeyMissing extends IllegalStateException {

    StripeKeyMissing(String operation) {
        super("no Stripe key is configured to " + operation);
    }
}
