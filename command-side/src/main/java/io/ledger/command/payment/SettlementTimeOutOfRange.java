package io.ledger.command.payment;

import java.time.Instant;

/** A settlement time outside the years 1 to 9999, which no read model could store or compare. */
class SettlementTimeOutOfRange extends IllegalArgumentException {

    SettlementTimeOutOfRange(Instant settledAt) {
        super("settledAt " + settledAt + " is not within the years 1 to 9999");
    }
}
