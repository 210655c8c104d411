package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** Record that a payment attempt failed, with the provider's or the operator's code and message. */
public record FailPaymentCommand(PaymentId paymentId, String code, String message) implements PaymentCommand {}
