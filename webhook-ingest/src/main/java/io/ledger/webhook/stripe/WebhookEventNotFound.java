package io.ledger.webhook.stripe;

/** No Stripe event with this id is in the inbox. */
class WebhookEventNotFound extends RuntimeException {

    WebhookEventNotFound(String eventId) {
        super("No Stripe event " + eventId + " was received.");
    }
}
