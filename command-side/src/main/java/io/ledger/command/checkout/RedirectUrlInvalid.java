package io.ledger.command.checkout;

import io.ledger.api.problem.LedgerProblem;

/** Where the customer is sent after paying must be an absolute http or https address. */
class RedirectUrlInvalid extends LedgerProblem {

    RedirectUrlInvalid(String field) {
        super(field, "must be an absolute http or https URL");
    }

    @Override
    public String detail() {
        return "The request has invalid fields.";
    }
}
