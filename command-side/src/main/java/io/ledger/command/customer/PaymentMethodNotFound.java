package io.ledger.command.customer;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** The customer has no saved payment method with this id. */
class PaymentMethodNotFound extends LedgerProblem {

    PaymentMethodNotFound(String paymentMethodId) {
        super(ProblemCode.NOT_FOUND, "no saved payment method " + paymentMethodId);
    }

    @Override
    public String detail() {
        return "The customer has no saved payment method with this id.";
    }
}
