package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;

/**
 * Record the provider's word that a refund could not be paid out; its amount becomes refundable again. An unknown id
 * is recorded as requested and failed, as evidence. A refund already settled is left as it is.
 */
public record RecordRefundFailedCommand(
        PaymentId paymentId,
        RefundId refundId,
        Money amount,
        String providerRefundId,
        String code,
        String message,
        ProviderDetails details)
        implements PaymentCommand {}
