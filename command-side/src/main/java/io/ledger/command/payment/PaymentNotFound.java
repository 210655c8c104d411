package io.ledger.command.payment;

/** No payment has this id. */
class PaymentNotFound extends RuntimeException {

    PaymentNotFound(String paymentId) {
        super("no payment " + paymentId);
    }
}
