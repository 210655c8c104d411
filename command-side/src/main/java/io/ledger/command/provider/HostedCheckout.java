package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * The port to whoever hosts the page where a customer pays a payment (Stripe Checkout, or the simulated provider's page
 * served by the ledger). Implementations are idempotent per payment: a repeated open with the same ids opens no second
 * page.
 */
public interface HostedCheckout {

    /** Opens the page for the payment; nothing is charged yet. */
    CheckoutPage open(CheckoutRequest request);

    /**
     * Closes the page once the session's time is up, so that nobody pays there any more; whether it was closed, or the
     * customer had completed it meanwhile (the payment's own news then follows, as at Stripe by webhook).
     */
    CheckoutExpiry expire(PaymentId paymentId, @Nullable String providerSessionId);

    /** What {@link #expire} found. */
    enum CheckoutExpiry {
        EXPIRED,
        COMPLETE
    }
}
