package io.ledger.command.simulation;

import io.ledger.api.problem.LedgerProblem;

/** A simulation without a body: it names no outcome (400, as a body without {@code outcome} is). */
class OutcomeMissing extends LedgerProblem {

    OutcomeMissing() {
        super("outcome", "must not be null");
    }

    @Override
    public String detail() {
        return "The request has invalid fields.";
    }
}
