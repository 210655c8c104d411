package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/** The customer must act (3-D Secure, say) before the provider can charge; {@code nextAction} names what. */
public record PaymentActionRequired(
        PaymentId paymentId,
        @Nullable String providerPaymentId,
        @Nullable String paymentMethod,
        @Nullable String nextAction)
        implements PaymentEvent {}
