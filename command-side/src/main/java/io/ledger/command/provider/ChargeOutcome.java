package io.ledger.command.provider;

/** What the provider said about a charge attempt. */
public sealed interface ChargeOutcome {

    /** Money was captured. */
    record Succeeded() implements ChargeOutcome {}

    /** Declined or otherwise failed; {@code message} is safe to show to the customer. */
    record Failed(String code, String message) implements ChargeOutcome {}

    /** The customer must act first; {@code nextAction} names what (e.g. {@code use_stripe_sdk}). */
    record ActionRequired(String nextAction) implements ChargeOutcome {}

    /** Accepted; the outcome will be reported later. */
    record Processing() implements ChargeOutcome {}
}
