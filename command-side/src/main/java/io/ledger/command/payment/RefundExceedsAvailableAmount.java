package io.ledger.command.payment;

import io.ledger.api.money.Money;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** A refund may not take more than what was captured less what was (or is being) refunded. */
class RefundExceedsAvailableAmount extends LedgerProblem {

    RefundExceedsAvailableAmount(Money requested, Money available) {
        super(
                ProblemCode.REFUND_EXCEEDS_AVAILABLE,
                "refund of " + requested + " exceeds the " + available + " available to refund");
    }
}
