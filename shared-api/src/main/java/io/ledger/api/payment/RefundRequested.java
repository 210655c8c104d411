package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/** A refund of {@code amount} was asked of the provider; it is pending and reserves that amount.
 * {@code providerRefundId} is the provider's id when it answered at once (null otherwise, and in older events). */
public record RefundRequested(
        PaymentId paymentId,
        RefundId refundId,
        Money amount,
        @Nullable String reason,
        @Nullable String providerRefundId)
        implements PaymentEvent {}
