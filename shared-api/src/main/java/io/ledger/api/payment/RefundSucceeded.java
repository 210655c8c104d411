package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;

/** The provider paid {@code amount} back to the customer. */
public record RefundSucceeded(
        PaymentId paymentId, RefundId refundId, Money amount, String providerRefundId, ProviderDetails details)
        implements PaymentEvent {}
