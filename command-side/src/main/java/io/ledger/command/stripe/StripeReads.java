package io.ledger.command.stripe;

import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import java.util.List;
import java.util.Optional;

/**
 * Where a webhook sync reads Stripe's objects as they stand now: through the one client ({@link StripeApi}) when a
 * Stripe key is configured; without one nothing can be read (empty), and the event's own object stands in. A read
 * Stripe refuses (an object our key cannot see) fails the sync, as does one still failing after the retries.
 */
final class StripeReads {

    private final StripeApi stripe;

    /** {@code stripe} null: no key configured. */
    StripeReads(StripeApi stripe) {
        this.stripe = stripe;
    }

    boolean available() {
        return stripe != null;
    }

    Optional<PaymentIntent> intent(String intentId) {
        return read("retrieve " + intentId, () -> stripe.retrieveIntent(intentId));
    }

    Optional<Refund> refund(String refundId) {
        return read("retrieve " + refundId, () -> stripe.retrieveRefund(refundId));
    }

    Optional<Dispute> dispute(String disputeId) {
        return read("retrieve " + disputeId, () -> stripe.retrieveDispute(disputeId));
    }

    Optional<Charge> charge(String chargeId) {
        return read("retrieve " + chargeId, () -> stripe.retrieveCharge(chargeId));
    }

    /** Every refund of the charge; needs a key. */
    List<Refund> refundsOfCharge(String chargeId) {
        return required("list refunds of " + chargeId, () -> stripe.refundsOfCharge(chargeId));
    }

    /** The charge balance transactions the payout paid out; needs a key. */
    List<BalanceTransaction> chargesOfPayout(String payoutId) {
        return required("list the balance transactions of " + payoutId, () -> stripe.chargesOfPayout(payoutId));
    }

    private <T> Optional<T> read(String operation, StripeCalls.StripeCall<T> call) {
        return available() ? Optional.of(required(operation, call)) : Optional.empty();
    }

    private <T> T required(String operation, StripeCalls.StripeCall<T> call) {
        if (!available()) {
            throw new StripeKeyMissing(operation);
        }
        try {
            return call.run();
        } catch (StripeException e) {
            throw StripeRequestFailed.refused(operation, e);
        }
    }
}
