package io.ledger.command.payment;

import io.ledger.api.money.Money;
import io.ledger.api.payment.RefundStatus;

/** One refund of a payment: its amount and whether the provider paid it yet. */
record Refund(Money amount, RefundStatus status) {

    boolean isPending() {
        return status == RefundStatus.PENDING;
    }

    Refund settled(RefundStatus outcome) {
        return new Refund(amount, outcome);
    }
}
