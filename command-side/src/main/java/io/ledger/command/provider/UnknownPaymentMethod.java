package io.ledger.command.provider;

import io.ledger.api.problem.LedgerProblem;

/** The provider does not know the payment method the client named: the request is wrong, nothing was charged. */
public class UnknownPaymentMethod extends LedgerProblem {

    public UnknownPaymentMethod(String paymentMethod) {
        super("paymentMethod", "no such payment method: " + paymentMethod);
    }
}
