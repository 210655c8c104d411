package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/** The provider could not pay the refund back; its amount is available to refund again. */
public record RefundFailed(
        PaymentId paymentId,
        RefundId refundId,
        Money amount,
        @Nullable String code,
        @Nullable String message,
        @Nullable String providerRefundId,
        @Nullable ProviderDetails details)
        implements PaymentEvent {}
