package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * Record the provider's word that a charge attempt failed: {@code code} (Stripe's error code, or its decline code for
 * card errors), {@code declineCode} when the card issuer gave one, and a message safe to show. A payment already
 * captured, canceled or failed is left as it is: the provider's failures never undo a success.
 */
public record RecordPaymentFailedCommand(
        PaymentId paymentId,
        String code,
        @Nullable String declineCode,
        @Nullable String message,
        @Nullable String paymentMethod,
        @Nullable ProviderDetails details)
        implements PaymentCommand {}
