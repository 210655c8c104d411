package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;

/**
 * A payment needs a customer. Only a caller confined to its own payments may omit it (its own is meant), so the field
 * is checked here rather than by bean validation, with the answer bean validation would give.
 */
class CustomerIdRequired extends LedgerProblem {

    CustomerIdRequired() {
        super("customerId", "must not be blank");
    }

    @Override
    public String detail() {
        return "The request has invalid fields.";
    }
}
