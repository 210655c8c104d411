package io.ledger.command.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Dispute;
import com.stripe.model.HasId;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.StripeCollection;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodDetachParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionExpireParams;
import com.stripe.param.common.EmptyParam;
import io.ledger.api.money.Money;
import io.ledger.command.provider.CheckoutRequest;
import io.ledger.command.provider.CustomerProvider.CustomerDetails;
import io.ledger.command.provider.CustomerProvider.MethodCall;
import io.ledger.command.provider.PaymentRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ledger's one Stripe client: every request of the adapter (the provider's, the janitor's, a webhook sync's reads)
 * is made here, each through {@link StripeCalls}' retries and circuit breaker. Every POST carries an idempotency key
 * derived from our ids ({@code <paymentId>-create}, {@code <paymentId>-confirm-<attempt>},
 * {@code <paymentId>-amount-<change>-<amount>}, {@code <paymentId>-cancel}, {@code <refundId>},
 * {@code <paymentId>-checkout}, {@code <paymentId>-checkout-expire}; a customer's from its key and its stream's
 * version, {@code <customer key>-create}, {@code -update-<version>}, {@code -attach-<version>},
 * {@code -detach-<version>}, {@code -default-<version>}), so a repeated call never charges, refunds or opens a page
 * twice. Lists are read whole, each page a call of its
 * own. PaymentIntents are read with their latest charge expanded, for its balance transaction.
 */
class StripeApi {

    private static final String LATEST_CHARGE = "latest_charge";
    private static final long PAGE_SIZE = 100;

    private final StripeClient stripe;
    private final StripeCalls calls;

    StripeApi(StripeClient stripe, StripeCalls calls) {
        this.stripe = stripe;
        this.calls = calls;
    }

    /** No network retries of stripe-java's own: every attempt is one of {@link StripeCalls}'. */
    static StripeClient client(StripeSettings settings) {
        return StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase())
                .setMaxNetworkRetries(0)
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .build();
    }

    // --- PaymentIntents -------------------------------------------------------------------------------------------

    /** Registers the payment: our ids in the metadata, Stripe's customer only when ours is one of Stripe's. */
    PaymentIntent createIntent(PaymentRequest request) throws StripeException {
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
                .setCurrency(request.amount().currency().getCurrencyCode().toLowerCase(Locale.ROOT))
                .putAllMetadata(metadata);
        if (request.providerCustomerId() != null) {
            params.setCustomer(request.providerCustomerId());
        } else if (request.customerId() != null && request.customerId().matches("cus_[A-Za-z0-9]+")) {
            params.setCustomer(request.customerId());
        }
        if (request.description() != null) {
            params.setDescription(request.description());
        }
        return calls.call(
                "create payment " + paymentId,
                () -> stripe.v1().paymentIntents().create(params.build(), idempotent(paymentId + "-create")));
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

    PaymentIntent retrieveIntent(String intentId) throws StripeException {
        PaymentIntentRetrieveParams params =
                PaymentIntentRetrieveParams.builder().addExpand(LATEST_CHARGE).build();
        return calls.call(
                "retrieve " + intentId, () -> stripe.v1().paymentIntents().retrieve(intentId, params));
    }

    /**
     * Sets the amount the PaymentIntent will charge, with the key of the payment's {@code change}-th amount change and the
     * amount itself: a repeat changes nothing, and a retry asking for another amount is a change of its own.
     */
    PaymentIntent updateIntentAmount(String paymentId, String intentId, Money amount, int change)
            throws StripeException {
        PaymentIntentUpdateParams params =
                PaymentIntentUpdateParams.builder().setAmount(amount.minor()).build();
        return calls.call(
                "change the amount of payment " + paymentId,
                () -> stripe.v1()
                        .paymentIntents()
                        .update(intentId, params, idempotent(paymentId + "-amount-" + change + "-" + amount.minor())));
    }

    PaymentIntent cancelIntent(String paymentId, String intentId) throws StripeException {
        return calls.call(
                "cancel payment " + paymentId,
                () -> stripe.v1()
                        .paymentIntents()
                        .cancel(
                                intentId,
                                PaymentIntentCancelParams.builder().build(),
                                idempotent(paymentId + "-cancel")));
    }

    // --- Checkout Sessions ----------------------------------------------------------------------------------------

    /**
     * Opens Stripe Checkout for the payment, in {@code payment} mode: one line of the payment's amount, our ids in the
     * session's metadata and in its PaymentIntent's (so that its webhooks name our payment), Stripe's customer only
     * when ours is one of Stripe's. Every parameter follows from the payment alone, so a retry (same key) asks for the
     * same session.
     */
    Session createCheckoutSession(CheckoutRequest request) throws StripeException {
        String paymentId = request.paymentId().value();
        Map<String, String> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, "paymentId", paymentId);
        putIfPresent(metadata, "orderId", request.orderId());
        putIfPresent(metadata, "customerId", request.customerId());
        String name = request.description() != null
                ? request.description()
                : "Payment " + (request.orderId() != null ? request.orderId() : paymentId);
        SessionCreateParams.PaymentIntentData.Builder intent =
                SessionCreateParams.PaymentIntentData.builder().putAllMetadata(metadata);
        if (request.description() != null) {
            intent.setDescription(request.description());
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(paymentId)
                .setSuccessUrl(request.successUrl())
                .setExpiresAt(request.expiresAt().getEpochSecond())
                .putAllMetadata(metadata)
                .setPaymentIntentData(intent.build())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.amount()
                                        .currency()
                                        .getCurrencyCode()
                                        .toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amount().minor())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(name)
                                        .build())
                                .build())
                        .build());
        if (request.cancelUrl() != null) {
            params.setCancelUrl(request.cancelUrl());
        }
        if (request.customerId() != null && request.customerId().matches("cus_[A-Za-z0-9]+")) {
            params.setCustomer(request.customerId());
        }
        return calls.call(
                "open checkout for " + paymentId,
                () -> stripe.v1().checkout().sessions().create(params.build(), idempotent(paymentId + "-checkout")));
    }

    /** Closes an open session, so that it can no longer be paid; Stripe refuses it for a session no longer open. */
    Session expireCheckoutSession(String paymentId, String sessionId) throws StripeException {
        return calls.call(
                "expire checkout " + sessionId,
                () -> stripe.v1()
                        .checkout()
                        .sessions()
                        .expire(
                                sessionId,
                                SessionExpireParams.builder().build(),
                                idempotent(paymentId + "-checkout-expire")));
    }

    Session retrieveCheckoutSession(String sessionId) throws StripeException {
        return calls.call(
                "retrieve " + sessionId, () -> stripe.v1().checkout().sessions().retrieve(sessionId));
    }

    // --- refunds --------------------------------------------------------------------------------------------------

    /**
     * Creates the refund, or (the same key and parameters again) gets Stripe's first answer back. A reason Stripe does
     * not know goes to the metadata.
     */
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
        List<Refund> refunds = all(
                "list refunds of " + intentId,
                after -> () -> stripe.v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setPaymentIntent(intentId)
                                .setLimit(PAGE_SIZE)
                                .setStartingAfter(after)
                                .build()));
        return refunds.stream()
                .filter(refund -> refund.getMetadata() != null
                        && refundId.equals(refund.getMetadata().get("refundId")))
                .findFirst();
    }

    Refund retrieveRefund(String refundId) throws StripeException {
        return calls.call("retrieve " + refundId, () -> stripe.v1().refunds().retrieve(refundId));
    }

    /** Every refund of a charge. */
    List<Refund> refundsOfCharge(String chargeId) throws StripeException {
        return all(
                "list refunds of " + chargeId,
                after -> () -> stripe.v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setCharge(chargeId)
                                .setLimit(PAGE_SIZE)
                                .setStartingAfter(after)
                                .build()));
    }

    // --- charges, disputes, payouts ---------------------------------------------------------------------------------

    Charge retrieveCharge(String chargeId) throws StripeException {
        return calls.call("retrieve " + chargeId, () -> stripe.v1().charges().retrieve(chargeId));
    }

    Dispute retrieveDispute(String disputeId) throws StripeException {
        return calls.call("retrieve " + disputeId, () -> stripe.v1().disputes().retrieve(disputeId));
    }

    /** The charge balance transactions a payout paid out, each with its source charge expanded. */
    List<BalanceTransaction> chargesOfPayout(String payoutId) throws StripeException {
        return all(
                "list balance transactions of " + payoutId,
                after -> () -> stripe.v1()
                        .balanceTransactions()
                        .list(BalanceTransactionListParams.builder()
                                .setPayout(payoutId)
                                .setType("charge")
                                .setLimit(PAGE_SIZE)
                                .addExpand("data.source")
                                .setStartingAfter(after)
                                .build()));
    }

    // --- customers and their payment methods ----------------------------------------------------------------------

    /** Makes the Stripe Customer of ours, our id in its metadata, with the key {@code <customer key>-create}. */
    Customer createCustomer(CustomerDetails customer) throws StripeException {
        CustomerCreateParams.Builder params =
                CustomerCreateParams.builder().putMetadata("customerId", customer.customerId());
        if (customer.email() != null) {
            params.setEmail(customer.email());
        }
        if (customer.name() != null) {
            params.setName(customer.name());
        }
        String key = customer.key().value();
        return calls.call(
                "create customer " + key,
                () -> stripe.v1().customers().create(params.build(), idempotent(key + "-create")));
    }

    /** Gives the Stripe Customer these details (a missing one is cleared), key {@code <key>-update-<version>}. */
    Customer updateCustomer(CustomerDetails customer, String stripeCustomerId, long version) throws StripeException {
        CustomerUpdateParams.Builder params = CustomerUpdateParams.builder();
        if (customer.email() != null) {
            params.setEmail(customer.email());
        } else {
            params.setEmail(EmptyParam.EMPTY);
        }
        if (customer.name() != null) {
            params.setName(customer.name());
        } else {
            params.setName(EmptyParam.EMPTY);
        }
        String key = customer.key().value();
        return calls.call(
                "update customer " + key,
                () -> stripe.v1()
                        .customers()
                        .update(stripeCustomerId, params.build(), idempotent(key + "-update-" + version)));
    }

    /** Attaches the payment method to the Stripe Customer, key {@code <key>-attach-<version>}. */
    PaymentMethod attachPaymentMethod(MethodCall call) throws StripeException {
        PaymentMethodAttachParams params = PaymentMethodAttachParams.builder()
                .setCustomer(call.providerCustomerId())
                .build();
        String key = call.key().value();
        return calls.call(
                "attach payment method to customer " + key,
                () -> stripe.v1()
                        .paymentMethods()
                        .attach(call.paymentMethod(), params, idempotent(key + "-attach-" + call.version())));
    }

    /** Detaches the payment method from its Stripe Customer, key {@code <key>-detach-<version>}. */
    PaymentMethod detachPaymentMethod(MethodCall call) throws StripeException {
        String key = call.key().value();
        return calls.call(
                "detach payment method of customer " + key,
                () -> stripe.v1()
                        .paymentMethods()
                        .detach(
                                call.paymentMethod(),
                                PaymentMethodDetachParams.builder().build(),
                                idempotent(key + "-detach-" + call.version())));
    }

    /**
     * Makes the payment method the Stripe Customer's default ({@code invoice_settings[default_payment_method]}), key
     * {@code <key>-default-<version>}.
     */
    Customer setDefaultPaymentMethod(MethodCall call) throws StripeException {
        CustomerUpdateParams params = CustomerUpdateParams.builder()
                .setInvoiceSettings(CustomerUpdateParams.InvoiceSettings.builder()
                        .setDefaultPaymentMethod(call.paymentMethod())
                        .build())
                .build();
        String key = call.key().value();
        return calls.call(
                "set the default payment method of customer " + key,
                () -> stripe.v1()
                        .customers()
                        .update(call.providerCustomerId(), params, idempotent(key + "-default-" + call.version())));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** Every page of a list, each read as a call of its own (retried on its own) after the last item of the one before. */
    private <T extends HasId> List<T> all(
            String operation, Function<String, StripeCalls.StripeCall<StripeCollection<T>>> pageAfter)
            throws StripeException {
        List<T> items = new ArrayList<>();
        String after = null;
        while (true) {
            StripeCollection<T> page = calls.call(operation, pageAfter.apply(after));
            List<T> data = page.getData() == null ? List.of() : page.getData();
            items.addAll(data);
            if (!Boolean.TRUE.equals(page.getHasMore()) || data.isEmpty()) {
                return items;
            }
            after = data.get(data.size() - 1).getId();
        }
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

    private static void putIfPresent(Map<String, String> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
