package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** No payment has this id. */
class PaymentNotFound extends LedgerProblem {

    PaymentNotFound(String paymentId) {
        super(ProblemCode.PAYMENT_NOT_FOUND, "no payment " + paymentId);
    }

    @Override
    public String detail() {
        return "No payment has this id.";
    }
}
