package io.ledger.webhook.stripe;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** The request body is larger than {@code ledger.webhook.max-body-size}. */
class BodyTooLarge extends LedgerProblem {

    BodyTooLarge(long limit) {
        super(ProblemCode.PAYLOAD_TOO_LARGE, "The request body exceeds " + limit + " bytes.");
    }
}
