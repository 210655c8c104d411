package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** Cancel a payment that has not captured money. */
public record CancelPaymentCommand(PaymentId paymentId, String reason) implements PaymentCommand {}
