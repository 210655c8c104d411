package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;

/** Confirming needs a payment method, given now or at creation. */
class PaymentMethodRequired extends LedgerProblem {

    PaymentMethodRequired() {
        super("paymentMethod", "a paymentMethod is required to confirm this payment");
    }
}
