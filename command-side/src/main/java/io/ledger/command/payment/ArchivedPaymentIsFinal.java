package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** An archived payment is kept as it was archived: an update that would change it is refused. */
class ArchivedPaymentIsFinal extends LedgerProblem {

    ArchivedPaymentIsFinal(PaymentId paymentId, String move) {
        super(ProblemCode.INVALID_STATE_TRANSITION, "cannot " + move + " payment " + paymentId + ": it is archived");
    }
}
