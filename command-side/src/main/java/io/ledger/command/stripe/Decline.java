package io.ledger.command.stripe;

import com.stripe.model.StripeError;

/**
 * A failed charge attempt as the ledger records it, by whichever road it came (our confirm, the janitor, a webhook):
 * the code is Stripe's {@code decline_code} when it says more than {@code generic_decline} (say
 * {@code insufficient_funds}), else Stripe's error {@code code} ({@code card_declined}), else {@code card_declined}, as
 * the simulated provider reports the test cards; the message is Stripe's, written to be shown to the customer, else
 * one default. {@code declineCode} keeps the issuer's code as it came, generic or not.
 */
record Decline(String code, String declineCode, String message, String paymentMethod, String chargeId) {

    static final String GENERIC_DECLINE = "generic_decline";
    static final String DEFAULT_CODE = "card_declined";
    static final String DEFAULT_MESSAGE = "Your card was declined.";

    /** The decline Stripe reported in {@code error} (a card error's, or a PaymentIntent's {@code last_payment_error}). */
    static Decline of(StripeError error) {
        return of(
                error.getCode(),
                error.getDeclineCode(),
                error.getMessage(),
                error.getPaymentMethod() != null ? error.getPaymentMethod().getId() : null,
                error.getCharge());
    }

    /** The one rule, for reports that do not come as a {@link StripeError}. */
    static Decline of(String code, String declineCode, String message, String paymentMethod, String chargeId) {
        String chosen = declineCode != null && !GENERIC_DECLINE.equals(declineCode)
                ? declineCode
                : code != null ? code : DEFAULT_CODE;
        return new Decline(chosen, declineCode, message != null ? message : DEFAULT_MESSAGE, paymentMethod, chargeId);
    }
}
