package io.ledger.command.stripe;

import io.ledger.api.id.PaymentId;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/**
 * Stripe refused to change the amount of the payment's PaymentIntent because of its status there (it is being or was
 * confirmed, which the ledger will hear of): the amount of a payment that is no longer pending cannot change.
 */
class IntentAmountFixed extends LedgerProblem {

    IntentAmountFixed(PaymentId paymentId) {
        super(
                ProblemCode.INVALID_STATE_TRANSITION,
                "cannot change the amount of payment " + paymentId.value()
                        + ": Stripe no longer lets its PaymentIntent change; it is not pending there");
    }
}
