package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** A caller confined to its own payments (payments:write:own) creates them only for itself. */
class PaymentForAnotherCustomer extends LedgerProblem {

    PaymentForAnotherCustomer() {
        super(ProblemCode.FORBIDDEN, """
                With payments:write:own a payment is created only for the token's own customer: omit customerId or \
                give the token's subject.""");
    }
}
