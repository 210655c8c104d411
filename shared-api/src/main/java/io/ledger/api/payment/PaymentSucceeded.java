package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;

/** The provider captured {@code amount}: money moved from the customer. */
public record PaymentSucceeded(PaymentId paymentId, Money amount, String providerPaymentId, String paymentMethod)
        implements PaymentEvent {}
