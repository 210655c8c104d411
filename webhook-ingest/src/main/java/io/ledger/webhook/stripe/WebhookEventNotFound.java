package io.ledger.webhook.stripe;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** No Stripe event with this id is in the inbox. */
class WebhookEventNotFound extends LedgerProblem {

    WebhookEventNotFound(String eventId) {
        super(ProblemCode.WEBHOOK_EVENT_NOT_FOUND, "No Stripe event " + eventId + " was received.");
    }
}
