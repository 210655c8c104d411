package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;
import java.time.Instant;

/** A settlement time outside the years 1 to 9999, which no read model could store or compare. */
class SettlementTimeOutOfRange extends LedgerProblem {

    SettlementTimeOutOfRange(Instant settledAt) {
        super("settledAt", "settledAt " + settledAt + " is not within the years 1 to 9999");
    }
}
