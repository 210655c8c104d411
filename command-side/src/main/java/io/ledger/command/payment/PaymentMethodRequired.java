package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;

/** Confirming needs a payment method: given now or at creation, or else the customer's default. */
class PaymentMethodRequired extends LedgerProblem {

    PaymentMethodRequired() {
        this("a paymentMethod is required to confirm this payment");
    }

    private PaymentMethodRequired(String message) {
        super("paymentMethod", message);
    }

    /** Confirmed at creation without a method, for a customer with no default method saved. */
    static PaymentMethodRequired noDefault() {
        return new PaymentMethodRequired(
                "a paymentMethod is required to confirm this payment: the customer has no default payment method");
    }
}
