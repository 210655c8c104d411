package io.ledger.command.provider;

import io.ledger.api.payment.ProviderDetails;

/** What the provider said about a charge attempt. */
public sealed interface ChargeOutcome {

    /** Money was captured; {@code details} names the provider's charge and balance transaction. */
    record Succeeded(ProviderDetails details) implements ChargeOutcome {}

    /**
     * Declined or otherwise failed; {@code message} is safe to show to the customer, {@code declineCode} is the card
     * issuer's reason when there is one.
     */
    record Failed(String code, String declineCode, String message, ProviderDetails details) implements ChargeOutcome {}

    /** The customer must act first; {@code nextAction} names what (e.g. {@code use_stripe_sdk}). */
    record ActionRequired(String nextAction) implements ChargeOutcome {}

    /** Accepted: the provider reports the outcome later (an asynchronous payment method). */
    record Processing() implements ChargeOutcome {}

    /**
     * Not known: the provider could not be reached after retries. Recorded as processing, a guess that the janitor
     * replaces with what the provider says.
     */
    record Unknown() implements ChargeOutcome {}
}
