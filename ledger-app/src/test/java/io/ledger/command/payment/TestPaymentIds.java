package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;

/** The payment id a create with this caller's Idempotency-Key makes, as the command side derives it. */
public final class TestPaymentIds {

    private TestPaymentIds() {}

    public static PaymentId forKey(String caller, String idempotencyKey) {
        return IdempotentIds.payment(() -> caller, idempotencyKey);
    }
}
