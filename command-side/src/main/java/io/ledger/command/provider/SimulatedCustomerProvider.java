package io.ledger.command.provider;

import io.ledger.api.payment.Provider;

/**
 * Customers without a network: the provider's customer id is derived from our key ({@code sim_cust_...}), and a saved
 * test method keeps its name as its id ({@code pm_card_visa}), so that the simulated provider charges it as it charges
 * the test method itself. Saving the same test method twice is therefore saving it once.
 */
class SimulatedCustomerProvider implements CustomerProvider {

    @Override
    public Provider kind() {
        return Provider.SIMULATED;
    }

    @Override
    public String createCustomer(CustomerDetails details) {
        return "sim_" + details.key().value();
    }

    @Override
    public void updateCustomer(CustomerDetails details, String providerCustomerId, long version) {
        // nothing is kept here
    }

    @Override
    public SavedPaymentMethod attach(MethodCall call) {
        return SimulatedCards.of(call.paymentMethod())
                .map(card -> new SavedPaymentMethod(call.paymentMethod(), "card", card))
                .orElseThrow(() -> new UnknownPaymentMethod(call.paymentMethod()));
    }

    @Override
    public void detach(MethodCall call) {
        // nothing is kept here
    }

    @Override
    public void setDefault(MethodCall call) {
        // nothing is kept here
    }
}
