package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * Record the provider's word that a payment succeeded (after processing, customer action, or seen by the janitor or a
 * webhook). {@code paymentMethod} may be null (the last one tried); a payment already captured is left as it is.
 */
public record RecordPaymentSucceededCommand(
        PaymentId paymentId,
        @Nullable String providerPaymentId,
        @Nullable String paymentMethod,
        @Nullable ProviderDetails details)
        implements PaymentCommand {}
