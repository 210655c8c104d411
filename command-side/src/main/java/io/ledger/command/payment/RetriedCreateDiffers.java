package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/**
 * A create whose payment exists already (its id is derived from the caller's Idempotency-Key, and an earlier attempt with
 * that key stored the payment but not its answer) asks for another payment than the one stored: the key was reused for
 * another request, as the idempotency filter would have said had the first answer been stored.
 */
class RetriedCreateDiffers extends LedgerProblem {

    RetriedCreateDiffers(PaymentId paymentId) {
        super(ProblemCode.IDEMPOTENCY_KEY_REUSE, "payment " + paymentId + " was created with other details");
    }

    @Override
    public String detail() {
        return "This Idempotency-Key was used with a different request body or endpoint.";
    }
}
