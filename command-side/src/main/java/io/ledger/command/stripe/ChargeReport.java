package io.ledger.command.stripe;

import io.ledger.api.payment.ProviderDetails;

/** Where a PaymentIntent's charge stands, read once from Stripe's statuses by {@link StripeReports}. */
sealed interface ChargeReport {

    /** Captured ({@code succeeded}); the charge and its balance transaction in {@code details}. */
    record Succeeded(ProviderDetails details) implements ChargeReport {}

    /** The last attempt failed ({@code requires_payment_method} with {@code last_payment_error}, or a card error). */
    record Declined(Decline decline, ProviderDetails details) implements ChargeReport {}

    /** The customer must act first ({@code requires_action}); {@code nextAction} names what. */
    record ActionRequired(String nextAction) implements ChargeReport {}

    /** Accepted, the outcome comes later ({@code processing}). */
    record Processing() implements ChargeReport {}

    /** Canceled at Stripe, with Stripe's {@code cancellation_reason} (null when it gave none). */
    record Canceled(String reason) implements ChargeReport {}

    /**
     * Nothing has happened to the money: no attempt yet ({@code requires_payment_method} without an error), or a state
     * this adapter never asks for ({@code requires_confirmation}, {@code requires_capture}); Stripe's status as it is.
     */
    record NotAttempted(String status) implements ChargeReport {}
}
