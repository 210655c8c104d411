package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * Refund {@code amount} minor units of a captured payment, or all that remains when it is null. {@code currency},
 * when given, must be the payment's. Clients get the refund as a {@link RefundView}; the same refund id twice is one refund.
 */
public record RefundPaymentCommand(
        PaymentId paymentId,
        RefundId refundId,
        @Nullable Long amount,
        @Nullable Currency currency,
        @Nullable String reason)
        implements PaymentCommand {}
