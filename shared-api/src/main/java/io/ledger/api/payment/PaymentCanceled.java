package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/** The payment was canceled before any money was captured. Final. */
public record PaymentCanceled(PaymentId paymentId, @Nullable String reason) implements PaymentEvent {}
