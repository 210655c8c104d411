package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/** Record the provider's word that the payment was canceled there (nothing is sent back to the provider). */
public record RecordPaymentCanceledCommand(
        PaymentId paymentId, @Nullable String reason) implements PaymentCommand {}
