package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** The customer must act (3-D Secure, say) before the provider can charge; {@code nextAction} names what. */
public record PaymentActionRequired(
        PaymentId paymentId, String providerPaymentId, String paymentMethod, String nextAction)
        implements PaymentEvent {}
