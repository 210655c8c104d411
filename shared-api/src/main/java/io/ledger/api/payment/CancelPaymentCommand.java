package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/** Cancel a payment that has not captured money. */
public record CancelPaymentCommand(
        PaymentId paymentId, @Nullable String reason) implements PaymentCommand {}
