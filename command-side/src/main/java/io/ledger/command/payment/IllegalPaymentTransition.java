package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** The move is not allowed from the payment's current status (a canceled payment cannot be confirmed, say). */
class IllegalPaymentTransition extends LedgerProblem {

    IllegalPaymentTransition(PaymentId paymentId, PaymentStatus from, String move) {
        super(
                ProblemCode.INVALID_STATE_TRANSITION,
                "cannot " + move + " payment " + paymentId + ": it is " + from.code());
    }
}
