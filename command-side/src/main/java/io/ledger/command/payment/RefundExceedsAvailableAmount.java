package io.ledger.command.payment;

import io.ledger.api.money.Money;

/** A refund may not take more than what was captured less what was (or is being) refunded. */
class RefundExceedsAvailableAmount extends RuntimeException {

    RefundExceedsAvailableAmount(Money requested, Money available) {
        super("refund of " + requested + " exceeds the " + available + " available to refund");
    }
}
