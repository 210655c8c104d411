package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** The provider accepted the charge and will tell its outcome later (an asynchronous payment method). */
public record PaymentProcessingStarted(PaymentId paymentId, String providerPaymentId, String paymentMethod)
        implements PaymentEvent {}
