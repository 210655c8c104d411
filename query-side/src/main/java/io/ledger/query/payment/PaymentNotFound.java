package io.ledger.query.payment;

/** The read model has no payment with this id. */
public class PaymentNotFound extends RuntimeException {

    public PaymentNotFound(String paymentId) {
        super("no payment " + paymentId);
    }

    protected PaymentNotFound(String paymentId, String message) {
        super(message);
    }

    /** What the problem's {@code detail} says. */
    public String detail() {
        return "No payment has this id.";
    }
}
