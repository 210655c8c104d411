package io.ledger.query.projection;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** No read model's processor has this name. */
public class UnknownProjection extends LedgerProblem {

    public UnknownProjection(String name) {
        super(ProblemCode.PROJECTION_NOT_FOUND, "no projection named " + name);
    }
}
