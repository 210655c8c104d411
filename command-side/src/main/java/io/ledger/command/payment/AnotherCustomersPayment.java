package io.ledger.command.payment;

/**
 * A caller confined to its own payments named another customer's: answered exactly as an unknown id, so that the
 * answer does not tell that the payment exists.
 */
class AnotherCustomersPayment extends PaymentNotFound {

    AnotherCustomersPayment(String paymentId) {
        super(paymentId);
    }
}
