package io.ledger.api.payment;

import io.ledger.api.event.EventRevision;
import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * The provider accepted the charge and will tell its outcome later (an asynchronous payment method, say).
 *
 * <p>Revision 2: the first shape (stored without a revision) also recorded the ledger's own guess, when the provider
 * could not be reached, with a flag {@code outcomeUnknown}. Such stored events are read through an upcaster: with the
 * flag true, or without it (they were written before the flag existed, when every processing was read as a guess), as
 * {@link PaymentOutcomeUnknown}; with the flag false as this revision.
 */
@EventRevision("2")
public record PaymentProcessingStarted(
        PaymentId paymentId,
        @Nullable String providerPaymentId,
        @Nullable String paymentMethod) implements PaymentEvent {}
