package io.ledger.query.payment;

/** The read model has no payment with this id. */
public class PaymentNotFound extends RuntimeException {

    public PaymentNotFound(String paymentId) {
        super("no payment " + paymentId);
    }
}
