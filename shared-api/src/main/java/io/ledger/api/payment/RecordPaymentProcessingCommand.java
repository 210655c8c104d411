package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/** Record the provider's word that it accepted the charge and will tell its outcome later. */
public record RecordPaymentProcessingCommand(
        PaymentId paymentId, @Nullable String paymentMethod) implements PaymentCommand {}
