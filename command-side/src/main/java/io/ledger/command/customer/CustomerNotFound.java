package io.ledger.command.customer;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** No customer has this id (or the caller may see only its own, and this is another's). */
class CustomerNotFound extends LedgerProblem {

    CustomerNotFound(String customerId) {
        super(ProblemCode.NOT_FOUND, "no customer " + customerId);
    }

    @Override
    public String detail() {
        return "No customer has this id.";
    }
}
