package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;

/**
 * An attempt to charge {@code amount} failed (a decline, say); {@code code} is the provider's decline code and
 * {@code message} is safe to show. The payment may be confirmed again with another method.
 */
public record PaymentFailed(
        PaymentId paymentId, Money amount, String code, String message, String providerPaymentId, String paymentMethod)
        implements PaymentEvent {}
