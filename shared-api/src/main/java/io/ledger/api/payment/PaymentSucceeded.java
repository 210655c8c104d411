package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The provider captured {@code amount}: money moved from the customer. {@code details} holds the provider's charge and
 * balance transaction ids; null in events stored before it existed.
 */
public record PaymentSucceeded(
        PaymentId paymentId,
        Money amount,
        @Nullable String providerPaymentId,
        @Nullable String paymentMethod,
        @Nullable ProviderDetails details)
        implements PaymentEvent {}
