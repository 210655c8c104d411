package io.ledger.query.ledger;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** The chart of accounts has no account with this code. */
public class AccountNotFound extends LedgerProblem {

    public AccountNotFound(String account) {
        super(ProblemCode.ACCOUNT_NOT_FOUND, "no account " + account);
    }

    @Override
    public String detail() {
        return "The chart of accounts has no account with this name.";
    }
}
