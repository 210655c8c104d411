package io.ledger.webhook.stripe;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** Only dead letters can be retried by an operator; the others are processed, ignored or still being retried. */
class NotADeadLetter extends LedgerProblem {

    NotADeadLetter(String eventId, String state) {
        super(
                ProblemCode.INVALID_STATE_TRANSITION,
                "Stripe event " + eventId + " is " + state + ", not a dead letter.");
    }
}
