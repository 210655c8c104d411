package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/** Record the provider's word that the customer must act (3-D Secure, say) before the charge can go on. */
public record RecordPaymentActionRequiredCommand(
        PaymentId paymentId,
        @Nullable String paymentMethod,
        @Nullable String nextAction) implements PaymentCommand {}
