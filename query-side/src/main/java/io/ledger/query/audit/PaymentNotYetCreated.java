package io.ledger.query.audit;

import io.ledger.query.payment.PaymentNotFound;
import java.time.Instant;

/** The payment exists, but was created after the instant asked about: at that instant there was no such payment. */
class PaymentNotYetCreated extends PaymentNotFound {

    private final String detail;

    PaymentNotYetCreated(String paymentId, Instant asOf, Instant createdAt) {
        super(paymentId, "payment " + paymentId + " was created at " + createdAt + ", after " + asOf);
        this.detail = "No payment had this id at " + asOf + "; it was created at " + createdAt + ".";
    }

    @Override
    public String detail() {
        return detail;
    }
}
