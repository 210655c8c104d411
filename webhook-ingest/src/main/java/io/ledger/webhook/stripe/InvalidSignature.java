package io.ledger.webhook.stripe;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** The request is not signed by Stripe with a configured secret, or the signature is stale or future-dated. */
class InvalidSignature extends LedgerProblem {

    InvalidSignature(String message) {
        super(ProblemCode.INVALID_SIGNATURE, message);
    }
}
