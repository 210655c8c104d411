package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;

/** A settlement's gross must equal its fee plus its net. */
class SettlementDoesNotAddUp extends LedgerProblem {

    SettlementDoesNotAddUp(long gross, long fee, long net) {
        super("grossAmount", "grossAmount " + gross + " is not fee " + fee + " plus netAmount " + net);
    }
}
