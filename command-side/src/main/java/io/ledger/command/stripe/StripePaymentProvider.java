package io.ledger.command.stripe;

import com.stripe.Stripe;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.command.provider.AmountChangeRequest;
import io.ledger.command.provider.CancelRequest;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import io.ledger.command.provider.PaymentProvider;
import io.ledger.command.provider.PaymentRequest;
import io.ledger.command.provider.ProviderPayment;
import io.ledger.command.provider.ProviderSaturated;
import io.ledger.command.provider.ProviderUnavailable;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import io.ledger.command.provider.UnknownPaymentMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment provider port spoken to Stripe's PaymentIntents and Refunds through {@link StripeApi} (idempotency keys
 * derived from our ids, retries and circuit breaker). Stripe's answers are read by {@link StripeReports}, as the
 * janitor's and the webhooks' are, and told to the aggregate as outcomes. Declines are outcomes; a confirm or refund
 * whose outcome stays unknown after the retries is recorded as processing or pending for the {@link StripeJanitor}; one
 * never sent because every place for a Stripe call was taken ({@link ProviderSaturated}) is recorded nowhere (503);
 * other requests Stripe refuses become {@link StripeRequestFailed} (a 5xx of ours), never carrying the secret key.
 */
class StripePaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

    private final StripeApi stripe;

    StripePaymentProvider(StripeApi stripe) {
        this.stripe = stripe;
    }

    @Override
    public Provider kind() {
        return Provider.STRIPE;
    }

    @Override
    public ProviderPayment createPayment(PaymentRequest request) {
        String operation = "create payment " + request.paymentId().value();
        try {
            PaymentIntent intent = stripe.createIntent(request);
            return new ProviderPayment(intent.getId(), intent.getClientSecret());
        } catch (StripeException e) {
            throw StripeRequestFailed.refused(operation, e);
        }
    }

    @Override
    public ChargeOutcome confirm(ChargeRequest request) {
        String operation = "confirm payment " + request.paymentId().value();
        try {
            PaymentIntent intent = request.customerActionCompleted()
                    ? stripe.retrieveIntent(request.providerPaymentId())
                    : stripe.confirmIntent(
                            request.paymentId().value(),
                            request.providerPaymentId(),
                            request.paymentMethod(),
                            request.attempt());
            return outcome(intent.getId(), StripeReports.charge(intent, Stripe.API_VERSION));
        } catch (CardException e) {
            return outcome(request.providerPaymentId(), StripeReports.declined(e));
        } catch (InvalidRequestException e) {
            if (e.getParam() != null && e.getParam().startsWith("payment_method")) {
                throw new UnknownPaymentMethod(request.paymentMethod());
            }
            throw StripeRequestFailed.refused(operation, e);
        } catch (ProviderSaturated e) {
            throw e; // never sent: nothing to record, the request answers 503
        } catch (ProviderUnavailable e) {
            log.warn("{}: outcome unknown, recorded as processing for the janitor: {}", operation, e.getMessage());
            return new ChargeOutcome.Unknown();
        } catch (StripeException e) {
            throw StripeRequestFailed.refused(operation, e);
        }
    }

    /**
     * A PaymentIntent that Stripe says can no longer change (the customer confirmed it in the browser, say, and the
     * ledger has not heard yet) is the payment's state refusing the move: 409, nothing recorded.
     */
    @Override
    public void changeAmount(AmountChangeRequest request) {
        String operation = "change the amount of payment " + request.paymentId().value();
        try {
            stripe.updateIntentAmount(
                    request.paymentId().value(), request.providerPaymentId(), request.amount(), request.change());
        } catch (InvalidRequestException e) {
            if ("payment_intent_unexpected_state".equals(e.getCode())) {
                throw new IntentAmountFixed(request.paymentId());
            }
            throw StripeRequestFailed.refused(operation, e);
        } catch (StripeException e) {
            throw StripeRequestFailed.refused(operation, e);
        }
    }

    @Override
    public void cancel(CancelRequest request) {
        try {
            stripe.cancelIntent(request.paymentId().value(), request.providerPaymentId());
        } catch (StripeException e) {
            throw StripeRequestFailed.refused(
                    "cancel payment " + request.paymentId().value(), e);
        }
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        String operation = "refund " + request.refundId().value();
        try {
            RefundReport refund = StripeReports.refund(
                    stripe.createRefund(
                            request.paymentId().value(),
                            request.refundId().value(),
                            request.providerPaymentId(),
                            request.amount(),
                            request.reason()),
                    Stripe.API_VERSION);
            return switch (refund.status()) {
                case SUCCEEDED -> new RefundOutcome.Succeeded(refund.refundId(), refund.details());
                case PENDING -> new RefundOutcome.Pending(refund.refundId());
                case FAILED ->
                    new RefundOutcome.Failed(
                            refund.failureCode(), ReportCommands.REFUND_NOT_PAID, refund.refundId(), refund.details());
            };
        } catch (ProviderSaturated e) {
            throw e; // never sent: nothing to record, the request answers 503
        } catch (ProviderUnavailable e) {
            log.warn("{}: outcome unknown, recorded as pending for the janitor: {}", operation, e.getMessage());
            return new RefundOutcome.Pending(null);
        } catch (StripeException e) {
            throw StripeRequestFailed.refused(operation, e);
        }
    }

    /** The charge's state as the aggregate's outcome of a confirmation. */
    private static ChargeOutcome outcome(String intentId, ChargeReport charge) {
        if (charge instanceof ChargeReport.Succeeded succeeded) {
            return new ChargeOutcome.Succeeded(succeeded.details());
        }
        if (charge instanceof ChargeReport.Declined declined) {
            Decline decline = declined.decline();
            return new ChargeOutcome.Failed(
                    decline.code(), decline.declineCode(), decline.message(), declined.details());
        }
        if (charge instanceof ChargeReport.ActionRequired action) {
            return new ChargeOutcome.ActionRequired(action.nextAction());
        }
        if (charge instanceof ChargeReport.Processing) {
            return new ChargeOutcome.Processing();
        }
        if (charge instanceof ChargeReport.Canceled) {
            return new ChargeOutcome.Failed("canceled", null, "The payment was canceled.", ProviderDetails.NONE);
        }
        ChargeReport.NotAttempted open = (ChargeReport.NotAttempted) charge;
        if ("requires_payment_method".equals(open.status())) {
            // Confirmed, yet Stripe asks for a payment method again without saying why.
            return new ChargeOutcome.Failed(
                    "payment_failed", null, "The payment could not be completed.", ProviderDetails.NONE);
        }
        // requires_confirmation, requires_capture: a state this adapter never asks for (automatic capture).
        throw new StripeRequestFailed("confirm " + intentId, "unexpected status " + open.status());
    }
}
