package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/**
 * The provider accepted the charge and will tell its outcome later (an asynchronous payment method), or, with
 * {@code outcomeUnknown}, the provider could not be reached and processing is the ledger's guess until the provider is
 * asked again. {@code outcomeUnknown} is null in events stored before it existed, which did not tell the two apart:
 * read as a guess, so such payments keep the rule they were recorded under.
 */
public record PaymentProcessingStarted(
        PaymentId paymentId, String providerPaymentId, String paymentMethod, Boolean outcomeUnknown)
        implements PaymentEvent {}
