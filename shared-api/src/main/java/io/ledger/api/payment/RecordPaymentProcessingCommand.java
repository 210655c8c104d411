package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** Record the provider's word that it accepted the charge and will tell its outcome later. */
public record RecordPaymentProcessingCommand(PaymentId paymentId, String paymentMethod) implements PaymentCommand {}
