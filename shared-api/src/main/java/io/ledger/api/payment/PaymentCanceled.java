package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** The payment was canceled before any money was captured. Final. */
public record PaymentCanceled(PaymentId paymentId, String reason) implements PaymentEvent {}
