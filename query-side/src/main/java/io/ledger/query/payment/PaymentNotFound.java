package io.ledger.query.payment;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** The read model has no payment with this id. */
public class PaymentNotFound extends LedgerProblem {

    public PaymentNotFound(String paymentId) {
        super(ProblemCode.PAYMENT_NOT_FOUND, "no payment " + paymentId);
    }

    protected PaymentNotFound(String paymentId, String message) {
        super(ProblemCode.PAYMENT_NOT_FOUND, message);
    }

    @Override
    public String detail() {
        return "No payment has this id.";
    }
}
