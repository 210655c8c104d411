package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The provider paid {@code amount} back to the customer, and the payment decided its status from here on:
 * {@code paymentStatus} is {@code PARTIALLY_REFUNDED} or {@code REFUNDED}. Readers store that status as it is; events
 * stored before the payment recorded it have none, and {@link #paymentStatusAfter} reads those by the rule they were
 * written under.
 */
public record RefundSucceeded(
        PaymentId paymentId,
        RefundId refundId,
        Money amount,
        @Nullable String providerRefundId,
        @Nullable ProviderDetails details,
        @Nullable PaymentStatus paymentStatus)
        implements PaymentEvent {

    /**
     * The payment's status once this refund was paid. For an event stored without {@code paymentStatus}: the rule of
     * its time, refunded exactly when {@code paidBack} (every refund of the payment paid so far, this one included)
     * equals {@code captured}, else partially refunded. Both are minor units of the payment's currency.
     */
    public PaymentStatus paymentStatusAfter(long paidBack, long captured) {
        if (paymentStatus != null) {
            return paymentStatus;
        }
        return paidBack == captured ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }
}
