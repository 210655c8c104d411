package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import java.time.Instant;
import java.util.Currency;

/**
 * Match a captured payment with the provider's settlement of it: gross, the provider's fee and the net paid out, in
 * minor units of {@code currency} (the payment's currency when null).
 */
public record ReconcilePaymentCommand(
        PaymentId paymentId,
        String settlementId,
        long grossAmount,
        long fee,
        long netAmount,
        Currency currency,
        Instant settledAt)
        implements PaymentCommand {}
