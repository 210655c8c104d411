package io.ledger.command.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import io.ledger.api.money.Money;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.command.provider.CancelRequest;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import io.ledger.command.provider.PaymentProvider;
import io.ledger.command.provider.PaymentRequest;
import io.ledger.command.provider.ProviderPayment;
import io.ledger.command.provider.ProviderUnavailable;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import io.ledger.command.provider.UnknownPaymentMethod;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment provider port spoken to Stripe's PaymentIntents and Refunds API. Every POST carries an idempotency key
 * derived from our ids ({@code <paymentId>-create}, {@code <paymentId>-confirm-<attempt>}, {@code <paymentId>-cancel},
 * {@code <refundId>}), so a retried call (ours, the janitor's, or a client's retry after a crash) never charges or
 * refunds twice. Calls are retried and guarded by {@link StripeCalls}. Declines are outcomes; a confirm or refund whose
 * outcome stays unknown after the retries is recorded as processing or pending for the {@link StripeJanitor}; other
 * requests Stripe refuses become {@link StripeRequestFailed} (a 5xx of ours), never carrying the secret key.
 */
class StripePaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);
    private static final String LATEST_CHARGE = "latest_charge";

    private final StripeClient stripe;
    private final StripeCalls calls;

    StripePaymentProvider(StripeClient stripe, StripeCalls calls) {
        this.stripe = stripe;
        this.calls = calls;
    }

    @Override
    public Provider kind() {
        return Provider.STRIPE;
    }

    @Override
    public ProviderPayment createPayment(PaymentRequest request) {
        String paymentId = request.paymentId().value();
        Map<String, String> metadata = new LinkedHashMap<>();
        if (request.metadata() != null) {
            metadata.putAll(request.metadata());
        }
        putIfPresent(metadata, "paymentId", paymentId);
        putIfPresent(metadata, "orderId", request.orderId());
        putIfPresent(metadata, "customerId", request.customerId());
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minor())
                .setCurrency(currency(request.amount()))
                .putAllMetadata(metadata);
        if (isStripeCustomer(request.customerId())) {
            params.setCustomer(request.customerId());
        }
        if (request.description() != null) {
            params.setDescription(request.description());
        }
        PaymentIntent intent = call(
                "create payment " + paymentId,
                () -> stripe.v1().paymentIntents().create(params.build(), idempotent(paymentId + "-create")));
        return new ProviderPayment(intent.getId(), intent.getClientSecret());
    }

    @Override
    public ChargeOutcome confirm(ChargeRequest request) {
        String operation = "confirm payment " + request.paymentId().value();
        try {
            PaymentIntent intent = request.customerActionCompleted()
                    ? retrieveIntent(request.providerPaymentId())
                    : confirmIntent(
                            request.paymentId().value(),
                            request.providerPaymentId(),
                            request.paymentMethod(),
                            request.attempt());
            return outcome(intent);
        } catch (CardException e) {
            return declined(e.getStripeError(), e.getDeclineCode(), e.getCode());
        } catch (InvalidRequestException e) {
            if (aboutPaymentMethod(e)) {
                throw new UnknownPaymentMethod(request.paymentMethod());
            }
            throw failed(operation, e);
        } catch (ProviderUnavailable e) {
            log.warn("{}: outcome unknown, recorded as processing for the janitor: {}", operation, e.getMessage());
            return new ChargeOutcome.Unknown();
        } catch (StripeException e) {
            throw failed(operation, e);
        }
    }

    @Override
    public void cancel(CancelRequest request) {
        String paymentId = request.paymentId().value();
        call(
                "cancel payment " + paymentId,
                () -> stripe.v1()
                        .paymentIntents()
                        .cancel(
                                request.providerPaymentId(),
                                PaymentIntentCancelParams.builder().build(),
                                idempotent(paymentId + "-cancel")));
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        String operation = "refund " + request.refundId().value();
        try {
            return refundOutcome(createRefund(
                    request.paymentId().value(),
                    request.refundId().value(),
                    request.providerPaymentId(),
                    request.amount(),
                    request.reason()));
        } catch (ProviderUnavailable e) {
            log.warn("{}: outcome unknown, recorded as pending for the janitor: {}", operation, e.getMessage());
            return new RefundOutcome.Pending(null);
        } catch (StripeException e) {
            throw failed(operation, e);
        }
    }

    // --- used by the janitor as well ------------------------------------------------------------------------------

    PaymentIntent retrieveIntent(String intentId) throws StripeException {
        PaymentIntentRetrieveParams params =
                PaymentIntentRetrieveParams.builder().addExpand(LATEST_CHARGE).build();
        return calls.call(
                "retrieve " + intentId, () -> stripe.v1().paymentIntents().retrieve(intentId, params));
    }

    /** Confirms with the key of attempt {@code attempt}: a repeat of an attempt that reached Stripe changes nothing. */
    PaymentIntent confirmIntent(String paymentId, String intentId, String paymentMethod, int attempt)
            throws StripeException {
        PaymentIntentConfirmParams params = PaymentIntentConfirmParams.builder()
                .setPaymentMethod(paymentMethod)
                .addExpand(LATEST_CHARGE)
                .build();
        return calls.call(
                "confirm payment " + paymentId,
                () -> stripe.v1()
                        .paymentIntents()
                        .confirm(intentId, params, idempotent(paymentId + "-confirm-" + attempt)));
    }

    /** Creates the refund, or (the same key and parameters again) gets Stripe's first answer back. */
    Refund createRefund(String paymentId, String refundId, String intentId, Money amount, String reason)
            throws StripeException {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(intentId)
                .setAmount(amount.minor())
                .putMetadata("paymentId", paymentId)
                .putMetadata("refundId", refundId);
        RefundCreateParams.Reason stripeReason = stripeReason(reason);
        if (stripeReason != null) {
            params.setReason(stripeReason);
        } else if (reason != null) {
            params.putMetadata("reason", reason);
        }
        return calls.call(
                "refund " + refundId, () -> stripe.v1().refunds().create(params.build(), idempotent(refundId)));
    }

    /** The refund Stripe made for our refund id, found by its metadata among the PaymentIntent's refunds. */
    Optional<Refund> findRefund(String intentId, String refundId) throws StripeException {
        RefundListParams params = RefundListParams.builder()
                .setPaymentIntent(intentId)
                .setLimit(100L)
                .build();
        StripeCollection<Refund> refunds = calls.call(
                "list refunds of " + intentId, () -> stripe.v1().refunds().list(params));
        return refunds.getData().stream()
                .filter(refund -> refund.getMetadata() != null
                        && refundId.equals(refund.getMetadata().get("refundId")))
                .findFirst();
    }

    Refund retrieveRefund(String providerRefundId) throws StripeException {
        return calls.call(
                "retrieve " + providerRefundId, () -> stripe.v1().refunds().retrieve(providerRefundId));
    }

    static RefundOutcome refundOutcome(Refund refund) {
        return switch (String.valueOf(refund.getStatus())) {
            case "succeeded" -> new RefundOutcome.Succeeded(refund.getId(), details(refund));
            case "pending", "requires_action" -> new RefundOutcome.Pending(refund.getId());
            default ->
                new RefundOutcome.Failed(
                        refund.getFailureReason() != null
                                ? refund.getFailureReason()
                                : String.valueOf(refund.getStatus()),
                        "The refund was not accepted by the card network.",
                        refund.getId(),
                        details(refund));
        };
    }

    static ChargeOutcome outcome(PaymentIntent intent) {
        return switch (String.valueOf(intent.getStatus())) {
            case "succeeded" -> new ChargeOutcome.Succeeded(details(intent));
            case "requires_action" ->
                new ChargeOutcome.ActionRequired(
                        intent.getNextAction() != null ? intent.getNextAction().getType() : "unknown");
            case "processing" -> new ChargeOutcome.Processing();
            case "requires_payment_method" -> {
                StripeError error = intent.getLastPaymentError();
                yield error == null
                        ? new ChargeOutcome.Failed(
                                "payment_failed", null, "The payment could not be completed.", details(intent))
                        : declined(error, error.getDeclineCode(), error.getCode());
            }
            case "canceled" -> new ChargeOutcome.Failed("canceled", null, "The payment was canceled.", details(intent));
            // requires_confirmation, requires_capture: a state this adapter never asks for (automatic capture).
            default ->
                throw new StripeRequestFailed("confirm " + intent.getId(), "unexpected status " + intent.getStatus());
        };
    }

    /** The charge (PaymentIntent.latest_charge, expanded), its balance transaction and the API version answered in. */
    static ProviderDetails details(PaymentIntent intent) {
        String balanceTransaction = intent.getLatestChargeObject() != null
                ? intent.getLatestChargeObject().getBalanceTransaction()
                : null;
        return new ProviderDetails(intent.getLatestCharge(), balanceTransaction, apiVersion(intent));
    }

    static ProviderDetails details(Refund refund) {
        return new ProviderDetails(refund.getCharge(), refund.getBalanceTransaction(), apiVersion(refund));
    }

    /**
     * A decline as the customer may see it: Stripe's card-error messages are written for them. The code is the
     * issuer's decline code when it says more than Stripe's generic one ({@code insufficient_funds}), else Stripe's
     * error code ({@code card_declined}), as the simulated provider reports them; the decline code is kept as well.
     */
    static ChargeOutcome.Failed declined(StripeError error, String declineCode, String code) {
        String reason = declineCode != null && !"generic_decline".equals(declineCode)
                ? declineCode
                : code != null ? code : "card_declined";
        String message = error != null && error.getMessage() != null ? error.getMessage() : "Your card was declined.";
        String charge = error != null ? error.getCharge() : null;
        return new ChargeOutcome.Failed(
                reason, declineCode, message, new ProviderDetails(charge, null, Stripe.API_VERSION));
    }

    /** The version Stripe answered in (its {@code Stripe-Version} header), else the one stripe-java pins and sends. */
    private static String apiVersion(StripeObject object) {
        if (object.getLastResponse() != null) {
            return object.getLastResponse()
                    .headers()
                    .firstValue("Stripe-Version")
                    .orElse(Stripe.API_VERSION);
        }
        return Stripe.API_VERSION;
    }

    private static boolean aboutPaymentMethod(InvalidRequestException e) {
        String param = e.getParam();
        return param != null && param.startsWith("payment_method");
    }

    private static RefundCreateParams.Reason stripeReason(String reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "duplicate" -> RefundCreateParams.Reason.DUPLICATE;
            case "fraudulent" -> RefundCreateParams.Reason.FRAUDULENT;
            case "requested_by_customer" -> RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER;
            default -> null;
        };
    }

    private static boolean isStripeCustomer(String customerId) {
        return customerId != null && customerId.matches("cus_[A-Za-z0-9]+");
    }

    private static String currency(Money amount) {
        return amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    /** A call whose failure fails the request: unavailable (503) or refused (500 and an alert). */
    private <T> T call(String operation, StripeCalls.StripeCall<T> call) {
        try {
            return calls.call(operation, call);
        } catch (StripeException e) {
            throw failed(operation, e);
        }
    }

    /**
     * Stripe refused the request (authentication, invalid request, idempotency conflict). Logged for operators with
     * Stripe's type, code and request id only: Stripe's message may quote (part of) the key.
     */
    static StripeRequestFailed failed(String operation, StripeException e) {
        String detail = StripeCalls.describe(e);
        log.error("ALERT Stripe refused to {}: {}", operation, detail);
        return new StripeRequestFailed(operation, detail);
    }
}
