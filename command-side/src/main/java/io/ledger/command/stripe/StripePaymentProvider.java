package io.ledger.command.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import io.ledger.api.payment.Provider;
import io.ledger.command.provider.CancelRequest;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import io.ledger.command.provider.PaymentProvider;
import io.ledger.command.provider.PaymentRequest;
import io.ledger.command.provider.ProviderPayment;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import io.ledger.command.provider.UnknownPaymentMethod;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment provider port spoken to Stripe's PaymentIntents and Refunds API. Every POST carries an idempotency key
 * derived from our ids, so a retried call (ours, or stripe-java's own network retries) never charges or refunds twice.
 * Declines are outcomes; requests Stripe refuses for other reasons become {@link StripeRequestFailed} (a 5xx of ours),
 * never carrying the secret key.
 */
class StripePaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(StripePaymentProvider.class);

    private final StripeClient stripe;

    StripePaymentProvider(StripeClient stripe) {
        this.stripe = stripe;
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
                .setCurrency(currency(request.amount().currency()))
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
        String paymentId = request.paymentId().value();
        String intentId = request.providerPaymentId();
        try {
            PaymentIntent intent;
            if (request.customerActionCompleted()) {
                intent = stripe.v1().paymentIntents().retrieve(intentId);
            } else {
                PaymentIntentConfirmParams params = PaymentIntentConfirmParams.builder()
                        .setPaymentMethod(request.paymentMethod())
                        .build();
                intent = stripe.v1()
                        .paymentIntents()
                        .confirm(intentId, params, idempotent(paymentId + "-confirm-" + request.attempt()));
            }
            return outcome(intent);
        } catch (CardException e) {
            return declined(e.getStripeError(), e.getDeclineCode(), e.getCode());
        } catch (InvalidRequestException e) {
            if (aboutPaymentMethod(e)) {
                throw new UnknownPaymentMethod(request.paymentMethod());
            }
            throw failed("confirm payment " + paymentId, e);
        } catch (StripeException e) {
            throw failed("confirm payment " + paymentId, e);
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
        String refundId = request.refundId().value();
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(request.providerPaymentId())
                .setAmount(request.amount().minor())
                .putMetadata("paymentId", request.paymentId().value())
                .putMetadata("refundId", refundId);
        RefundCreateParams.Reason reason = stripeReason(request.reason());
        if (reason != null) {
            params.setReason(reason);
        } else if (request.reason() != null) {
            params.putMetadata("reason", request.reason());
        }
        Refund refund =
                call("refund " + refundId, () -> stripe.v1().refunds().create(params.build(), idempotent(refundId)));
        return switch (String.valueOf(refund.getStatus())) {
            case "succeeded" -> new RefundOutcome.Succeeded(refund.getId());
            case "pending", "requires_action" -> new RefundOutcome.Pending(refund.getId());
            default ->
                new RefundOutcome.Failed(
                        refund.getFailureReason() != null
                                ? refund.getFailureReason()
                                : String.valueOf(refund.getStatus()),
                        "The refund was not accepted by the card network.");
        };
    }

    private static ChargeOutcome outcome(PaymentIntent intent) {
        return switch (String.valueOf(intent.getStatus())) {
            case "succeeded" -> new ChargeOutcome.Succeeded();
            case "requires_action" ->
                new ChargeOutcome.ActionRequired(
                        intent.getNextAction() != null ? intent.getNextAction().getType() : "unknown");
            case "processing" -> new ChargeOutcome.Processing();
            case "requires_payment_method" -> {
                StripeError error = intent.getLastPaymentError();
                yield error == null
                        ? new ChargeOutcome.Failed("payment_failed", "The payment could not be completed.")
                        : declined(error, error.getDeclineCode(), error.getCode());
            }
            case "canceled" -> new ChargeOutcome.Failed("canceled", "The payment was canceled.");
            // requires_confirmation, requires_capture: a state this adapter never asks for (automatic capture).
            default ->
                throw new StripeRequestFailed("confirm " + intent.getId(), "unexpected status " + intent.getStatus());
        };
    }

    /** A decline as the customer may see it: Stripe's card-error messages are written for them. */
    private static ChargeOutcome.Failed declined(StripeError error, String declineCode, String code) {
        String reason = declineCode != null ? declineCode : code != null ? code : "card_declined";
        String message = error != null && error.getMessage() != null ? error.getMessage() : "Your card was declined.";
        return new ChargeOutcome.Failed(reason, message);
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

    private static String currency(java.util.Currency currency) {
        return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    private static <T> T call(String operation, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw failed(operation, e);
        }
    }

    /**
     * Stripe refused the request (authentication, invalid request, API errors after stripe-java's retries). Logged for
     * operators with Stripe's type, code and request id only: Stripe's message may quote (part of) the key.
     */
    private static StripeRequestFailed failed(String operation, StripeException e) {
        String type = e.getStripeError() != null ? e.getStripeError().getType() : null;
        String detail = e.getClass().getSimpleName() + " status=" + e.getStatusCode() + " type=" + type + " code="
                + e.getCode() + " request=" + e.getRequestId();
        log.error("ALERT Stripe refused to {}: {}", operation, detail);
        return new StripeRequestFailed(operation, detail);
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
