package io.ledger.command.simulation;

import io.ledger.api.payment.PaymentView;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** The simulated provider cannot report this outcome for the payment as it stands (409, nothing recorded). */
class OutcomeNotPossible extends LedgerProblem {

    OutcomeNotPossible(Outcome outcome, PaymentView payment) {
        this(outcome, payment, "it is " + payment.status().code());
    }

    OutcomeNotPossible(Outcome outcome, PaymentView payment, String because) {
        super(
                ProblemCode.INVALID_STATE_TRANSITION,
                "cannot simulate " + outcome.wire() + " of payment " + payment.id() + ": " + because);
    }
}
