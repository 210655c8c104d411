package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;

/** The command side's own answers, for the tests: the payment id a create with a caller's key makes, a create's answer. */
public final class TestPaymentIds {

    private TestPaymentIds() {}

    public static PaymentId forKey(String caller, String idempotencyKey) {
        return IdempotentIds.payment(() -> caller, idempotencyKey);
    }

    /** What a create answers on the command bus (package-private there). */
    public static Object newPaymentAnswer(PaymentId paymentId, String clientSecret) {
        return new NewPayment(paymentId, clientSecret);
    }
}
