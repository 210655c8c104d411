package io.ledger.command.provider;

import io.ledger.api.customer.CustomerKey;
import io.ledger.api.payment.Provider;

/**
 * The port to the provider's customers and their saved payment methods: the simulated provider's or Stripe's
 * Customers and PaymentMethods. Calls happen outside the Customer aggregate; their answers are applied to it
 * afterwards. Every call is idempotent per request: its idempotency key is derived from the customer's key and, for
 * calls that may happen again later with the same parameters, the stream's version at the time ({@link MethodCall}).
 */
public interface CustomerProvider {

    Provider kind();

    /** Makes the provider's customer for ours; answers the provider's id of it. */
    String createCustomer(CustomerDetails details);

    /** Gives the provider's customer these details. */
    void updateCustomer(CustomerDetails details, String providerCustomerId, long version);

    /** Attaches the payment method the client named to the customer: the saved method as the provider keeps it. */
    SavedPaymentMethod attach(MethodCall call);

    /** Detaches the saved method from the customer. */
    void detach(MethodCall call);

    /** Makes the saved method the customer's default at the provider. */
    void setDefault(MethodCall call);

    /** Our customer, as the provider is told of it. */
    record CustomerDetails(CustomerKey key, String customerId, String email, String name) {}

    /**
     * A call about one payment method of a customer: {@code version} is the number of events in the customer's stream
     * before the call's outcome is recorded, so that a retry of this very call (nothing recorded yet) has the same key,
     * and a later call with the same parameters another.
     */
    record MethodCall(CustomerKey key, String providerCustomerId, String paymentMethod, long version) {}
}
