package io.ledger.command.payment;

/** Confirming needs a payment method, given now or at creation. */
class PaymentMethodRequired extends IllegalArgumentException {

    PaymentMethodRequired() {
        super("a paymentMethod is required to confirm this payment");
    }
}
