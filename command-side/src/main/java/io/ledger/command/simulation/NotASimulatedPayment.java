package io.ledger.command.simulation;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/**
 * The payment is another provider's (Stripe's, made before the ledger ran with the simulated provider): only Stripe says
 * what happens to it, so no simulation exists for it (404 {@code not_found}, as with Stripe as the provider).
 */
class NotASimulatedPayment extends LedgerProblem {

    NotASimulatedPayment(String paymentId) {
        super(ProblemCode.NOT_FOUND, "payment " + paymentId + " is not the simulated provider's");
    }

    @Override
    public String detail() {
        return "No simulation answers for this payment: its provider is not the simulated one.";
    }
}
