package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/** Charge the payment, with {@code paymentMethod} or else the method given at creation. */
public record ConfirmPaymentCommand(
        PaymentId paymentId, @Nullable String paymentMethod) implements PaymentCommand {}
