package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * A confirmation was sent to the provider but its answer never came (the provider could not be reached after
 * retries): the charge may or may not have happened. Clients see the payment as {@code processing} until the provider
 * is asked again and its word is recorded. Only this state gives way to a later {@code requires_action}: the provider
 * itself never moves a processing payment there.
 */
public record PaymentOutcomeUnknown(
        PaymentId paymentId,
        @Nullable String providerPaymentId,
        @Nullable String paymentMethod) implements PaymentEvent {}
