package io.ledger.command.stripe;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import io.ledger.api.payment.Provider;
import io.ledger.command.provider.CustomerProvider;
import io.ledger.command.provider.ProviderSaturated;
import io.ledger.command.provider.ProviderUnavailable;
import io.ledger.command.provider.SavedPaymentMethod;
import io.ledger.command.provider.UnknownPaymentMethod;

/**
 * The customer port spoken to Stripe's Customers and PaymentMethods through {@link StripeApi} (idempotency keys derived
 * from the customer's key and its stream's version, retries and circuit breaker); the saved method is read by
 * {@link StripeReports}. Whatever still fails after the retries ({@link ProviderUnavailable}, 503) or was never sent
 * ({@link ProviderSaturated}) records nothing: a customer's calls change nothing of the money, so nothing is guessed.
 * A payment method Stripe does not know, or a card it refuses to save, is the request's fault (400); other refusals
 * become {@link StripeRequestFailed}.
 */
class StripeCustomerProvider implements CustomerProvider {

    private final StripeApi stripe;

    StripeCustomerProvider(StripeApi stripe) {
        this.stripe = stripe;
    }

    @Override
    public Provider kind() {
        return Provider.STRIPE;
    }

    @Override
    public String createCustomer(CustomerDetails details) {
        try {
            return stripe.createCustomer(details).getId();
        } catch (StripeException e) {
            throw StripeRequestFailed.refused("create customer " + details.key(), e);
        }
    }

    @Override
    public void updateCustomer(CustomerDetails details, String providerCustomerId, long version) {
        try {
            stripe.updateCustomer(details, providerCustomerId, version);
        } catch (StripeException e) {
            throw StripeRequestFailed.refused("update customer " + details.key(), e);
        }
    }

    @Override
    public SavedPaymentMethod attach(MethodCall call) {
        try {
            return StripeReports.saved(stripe.attachPaymentMethod(call));
        } catch (CardException e) {
            throw new UnknownPaymentMethod(call.paymentMethod());
        } catch (InvalidRequestException e) {
            if ("resource_missing".equals(e.getCode())
                    || (e.getParam() != null && e.getParam().startsWith("payment_method"))) {
                throw new UnknownPaymentMethod(call.paymentMethod());
            }
            throw StripeRequestFailed.refused("attach payment method to customer " + call.key(), e);
        } catch (StripeException e) {
            throw StripeRequestFailed.refused("attach payment method to customer " + call.key(), e);
        }
    }

    @Override
    public void detach(MethodCall call) {
        try {
            stripe.detachPaymentMethod(call);
        } catch (StripeException e) {
            throw StripeRequestFailed.refused("detach payment method of customer " + call.key(), e);
        }
    }

    @Override
    public void setDefault(MethodCall call) {
        try {
            stripe.setDefaultPaymentMethod(call);
        } catch (StripeException e) {
            throw StripeRequestFailed.refused("set the default payment method of customer " + call.key(), e);
        }
    }
}
