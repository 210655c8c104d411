package io.ledger.command.checkout;

import io.ledger.api.id.PaymentId;
import io.ledger.command.provider.CheckoutPage;
import io.ledger.command.provider.CheckoutRequest;
import io.ledger.command.provider.HostedCheckout;
import org.jspecify.annotations.Nullable;

/**
 * The simulated provider's hosted checkout: the ledger's own page ({@link CheckoutPageController}), found by the
 * session's id. Nothing to open or close elsewhere.
 */
class SimulatedCheckout implements HostedCheckout {

    @Override
    public CheckoutPage open(CheckoutRequest request) {
        return new CheckoutPage(null, request.ledgerPageUrl());
    }

    @Override
    public CheckoutExpiry expire(PaymentId paymentId, @Nullable String providerSessionId) {
        return CheckoutExpiry.EXPIRED;
    }
}
