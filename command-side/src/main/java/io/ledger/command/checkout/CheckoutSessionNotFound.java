package io.ledger.command.checkout;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** No session has this id (for a caller confined to its own payments: none of its own). */
class CheckoutSessionNotFound extends LedgerProblem {

    CheckoutSessionNotFound() {
        super(ProblemCode.NOT_FOUND, "No checkout session has this id.");
    }
}
