package io.ledger.query.payment;

import io.ledger.api.problem.LedgerProblem;

/** A query parameter that cannot be used (an unknown status, a limit out of range): 400 naming the parameter. */
public class InvalidQueryParameter extends LedgerProblem {

    private final String parameter;

    public InvalidQueryParameter(String parameter, String message) {
        super(parameter, parameter + " " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
