package io.ledger.command.stripe;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import io.ledger.api.id.PaymentId;
import io.ledger.command.provider.CheckoutPage;
import io.ledger.command.provider.CheckoutRequest;
import io.ledger.command.provider.HostedCheckout;
import org.jspecify.annotations.Nullable;

/**
 * Hosted checkout spoken to Stripe Checkout through {@link StripeApi}: a session in {@code payment} mode whose
 * PaymentIntent carries our payment id, so that the {@code checkout.session.*} and {@code payment_intent.*} webhooks
 * complete our payment ({@link StripeObjectSync}). Stripe refusing a request becomes {@link StripeRequestFailed}.
 */
class StripeCheckout implements HostedCheckout {

    private final StripeApi stripe;

    StripeCheckout(StripeApi stripe) {
        this.stripe = stripe;
    }

    @Override
    public CheckoutPage open(CheckoutRequest request) {
        try {
            Session session = stripe.createCheckoutSession(request);
            return new CheckoutPage(session.getId(), session.getUrl());
        } catch (StripeException e) {
            throw StripeRequestFailed.refused(
                    "open checkout for " + request.paymentId().value(), e);
        }
    }

    /**
     * Expires the session at Stripe. Stripe refuses to expire a session that is no longer open: read again, it is
     * either complete (the customer paid at the last moment; the webhooks bring the payment) or expired already.
     */
    @Override
    public CheckoutExpiry expire(PaymentId paymentId, @Nullable String providerSessionId) {
        if (providerSessionId == null) {
            return CheckoutExpiry.EXPIRED; // a page Stripe never opened
        }
        String operation = "expire checkout " + providerSessionId;
        try {
            stripe.expireCheckoutSession(paymentId.value(), providerSessionId);
            return CheckoutExpiry.EXPIRED;
        } catch (InvalidRequestException refused) {
            try {
                Session session = stripe.retrieveCheckoutSession(providerSessionId);
                return StripeReports.checkoutComplete(session) ? CheckoutExpiry.COMPLETE : CheckoutExpiry.EXPIRED;
            } catch (StripeException e) {
                throw StripeRequestFailed.refused(operation, e);
            }
        } catch (StripeException e) {
            throw StripeRequestFailed.refused(operation, e);
        }
    }
}
