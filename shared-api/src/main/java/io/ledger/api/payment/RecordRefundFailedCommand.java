package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Record the provider's word that a refund could not be paid out; its amount becomes refundable again. An unknown id
 * is recorded as requested and failed, as evidence. A refund already settled is left as it is.
 */
public record RecordRefundFailedCommand(
        PaymentId paymentId,
        RefundId refundId,
        Money amount,
        @Nullable String providerRefundId,
        @Nullable String code,
        @Nullable String message,
        @Nullable ProviderDetails details)
        implements PaymentCommand {}
