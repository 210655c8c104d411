package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** Charge the payment, with {@code paymentMethod} or else the method given at creation. */
public record ConfirmPaymentCommand(PaymentId paymentId, String paymentMethod) implements PaymentCommand {}
