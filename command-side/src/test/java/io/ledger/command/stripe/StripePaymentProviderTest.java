package io.ledger.command.stripe;

import static io.ledger.command.stripe.StripeStub.error;
import static io.ledger.command.stripe.StripeStub.paymentIntent;
import static io.ledger.command.stripe.StripeStub.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.Stripe;
import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.command.provider.AmountChangeRequest;
import io.ledger.command.provider.CancelRequest;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import io.ledger.command.provider.PaymentRequest;
import io.ledger.command.provider.ProviderPayment;
import io.ledger.command.provider.ProviderSaturated;
import io.ledger.command.provider.ProviderUnavailable;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import io.ledger.command.provider.UnknownPaymentMethod;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real stripe-java client against a stub speaking Stripe's wire format. */
class StripePaymentProviderTest {

    private static final String KEY = "sk_test_51SecretKeyThatMustNeverLeak";
    private static final PaymentId PAYMENT = PaymentId.of("pay_0123456789abcdefghijABCD");
    private static final RefundId REFUND = RefundId.of("re_0123456789abcdefghijABCD");
    private static final String INTENT = "pi_3PgafyB7WZ01zgkW";

    private static final String CHARGE =
            "\"latest_charge\": {\"id\": \"ch_3PgafyB7\", \"object\": \"charge\", \"balance_transaction\": \"txn_3PgafyB7\"}";
    private static final ProviderDetails CHARGE_DETAILS =
            new ProviderDetails("ch_3PgafyB7", "txn_3PgafyB7", Stripe.API_VERSION);

    private final StripeStub stub = new StripeStub();
    private final StripePaymentProvider provider = provider(stub, Duration.ofSeconds(5));

    /** At most 5 attempts a call, backoff of a few milliseconds; the breaker opens after 10 calls failing. */
    static StripePaymentProvider provider(StripeStub stub, Duration readTimeout) {
        return new StripePaymentProvider(api(stub, readTimeout));
    }

    static StripeApi api(StripeStub stub, Duration readTimeout) {
        return api(stub, readTimeout, new StripeSettings.Bulkhead(8, Duration.ofMillis(100), Duration.ofSeconds(2)));
    }

    static StripeApi api(StripeStub stub, Duration readTimeout, StripeSettings.Bulkhead bulkhead) {
        StripeSettings settings = new StripeSettings(KEY, stub.base(), Duration.ofSeconds(2), readTimeout);
        StripeCalls calls = new StripeCalls(
                new StripeSettings.Retry(5, Duration.ofMillis(1), 2, 50, Duration.ofMillis(5), Duration.ofSeconds(20)),
                new StripeSettings.CircuitBreaker(50, 10, 10, Duration.ofMinutes(1)),
                bulkhead,
                Clock.systemUTC());
        return new StripeApi(StripeApi.client(settings), calls);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void createPostsAPaymentIntentWithOurIdsAndAnIdempotencyKey() {
        stub.answer(200, paymentIntent(INTENT, "requires_payment_method", null));

        ProviderPayment payment = provider.createPayment(new PaymentRequest(
                PAYMENT, Money.of(1099, "EUR"), "cus_Q1w2e3r4", "order-7", "Two books", Map.of("channel", "web")));

        assertThat(payment).isEqualTo(new ProviderPayment(INTENT, INTENT + "_secret_abc"));
        StripeStub.Received request = stub.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/payment_intents");
        assertThat(request.idempotencyKey()).isEqualTo(PAYMENT.value() + "-create");
        assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
        assertThat(request.form())
                .containsEntry("amount", "1099")
                .containsEntry("currency", "eur")
                .containsEntry("customer", "cus_Q1w2e3r4")
                .containsEntry("description", "Two books")
                .containsEntry("metadata[paymentId]", PAYMENT.value())
                .containsEntry("metadata[orderId]", "order-7")
                .containsEntry("metadata[customerId]", "cus_Q1w2e3r4")
                .containsEntry("metadata[channel]", "web");
    }

    @Test
    void aCustomerIdThatIsNotStripesGoesToMetadataOnly() {
        stub.answer(200, paymentIntent(INTENT, "requires_payment_method", null));

        provider.createPayment(
                new PaymentRequest(PAYMENT, Money.of(1099, "EUR"), "customer-42", "order-7", null, Map.of()));

        assertThat(stub.only().form())
                .doesNotContainKey("customer")
                .doesNotContainKey("description")
                .containsEntry("metadata[customerId]", "customer-42");
    }

    @Test
    void confirmSucceeded() {
        stub.answer(200, paymentIntent(INTENT, "succeeded", CHARGE));

        assertThat(provider.confirm(charge(1))).isEqualTo(new ChargeOutcome.Succeeded(CHARGE_DETAILS));
        StripeStub.Received request = stub.only();
        assertThat(request.path()).isEqualTo("/v1/payment_intents/" + INTENT + "/confirm");
        assertThat(request.form())
                .containsEntry("payment_method", "pm_card_visa")
                .containsEntry("expand[0]", "latest_charge");
        assertThat(request.idempotencyKey()).isEqualTo(PAYMENT.value() + "-confirm-1");
    }

    @Test
    void threeDSecureRequiresAction() {
        stub.answer(200, paymentIntent(INTENT, "requires_action", "\"next_action\": {\"type\": \"use_stripe_sdk\"}"));

        assertThat(provider.confirm(charge(2))).isEqualTo(new ChargeOutcome.ActionRequired("use_stripe_sdk"));
        assertThat(stub.only().idempotencyKey()).isEqualTo(PAYMENT.value() + "-confirm-2");
    }

    @Test
    void afterTheCustomerActedThePaymentIntentIsRetrievedNotConfirmedAgain() {
        stub.answer(200, paymentIntent(INTENT, "succeeded", CHARGE), Map.of("Stripe-Version", "2026-07-29.dahlia"));

        assertThat(provider.confirm(new ChargeRequest(PAYMENT, INTENT, Money.of(1099, "EUR"), null, 2, true)))
                .isEqualTo(new ChargeOutcome.Succeeded(
                        new ProviderDetails("ch_3PgafyB7", "txn_3PgafyB7", "2026-07-29.dahlia")));
        assertThat(stub.only().method()).isEqualTo("GET");
        assertThat(stub.only().path()).isEqualTo("/v1/payment_intents/" + INTENT);
    }

    @Test
    void aDeclinedCardIsAFailureWithItsDeclineCode() {
        stub.answer(402, error("card_error", "card_declined", "generic_decline", "Your card was declined."));

        assertThat(provider.confirm(charge(1)))
                .isEqualTo(new ChargeOutcome.Failed(
                        "card_declined",
                        "generic_decline",
                        "Your card was declined.",
                        new ProviderDetails(null, null, Stripe.API_VERSION)));
        assertThat(stub.received()).hasSize(1);
    }

    @Test
    void insufficientFundsIsAFailureWithItsDeclineCode() {
        stub.answer(
                402, error("card_error", "card_declined", "insufficient_funds", "Your card has insufficient funds."));

        assertThat(provider.confirm(charge(1)))
                .isEqualTo(new ChargeOutcome.Failed(
                        "insufficient_funds",
                        "insufficient_funds",
                        "Your card has insufficient funds.",
                        new ProviderDetails(null, null, Stripe.API_VERSION)));
    }

    @Test
    void aFailedAttemptReportedInThePaymentIntentIsAFailure() {
        stub.answer(
                200,
                paymentIntent(
                        INTENT,
                        "requires_payment_method",
                        "\"last_payment_error\": {\"type\": \"card_error\", \"code\": \"expired_card\","
                                + " \"message\": \"Your card has expired.\"}"));

        assertThat(provider.confirm(charge(1)))
                .isEqualTo(new ChargeOutcome.Failed(
                        "expired_card",
                        null,
                        "Your card has expired.",
                        new ProviderDetails(null, null, Stripe.API_VERSION)));
    }

    @Test
    void processingIsReportedLater() {
        stub.answer(200, paymentIntent(INTENT, "processing", null));

        assertThat(provider.confirm(charge(1))).isEqualTo(new ChargeOutcome.Processing());
    }

    @Test
    void tooManyRequestsIsRetriedWithTheSameIdempotencyKey() {
        stub.answer(429, error("invalid_request_error", "rate_limit", null, "Too many requests."))
                .answer(429, error("invalid_request_error", "lock_timeout", null, "Too many requests."))
                .answer(200, paymentIntent(INTENT, "succeeded", CHARGE));

        assertThat(provider.confirm(charge(3))).isEqualTo(new ChargeOutcome.Succeeded(CHARGE_DETAILS));
        assertThat(stub.received())
                .extracting(StripeStub.Received::idempotencyKey)
                .containsExactly(
                        PAYMENT.value() + "-confirm-3", PAYMENT.value() + "-confirm-3", PAYMENT.value() + "-confirm-3");
    }

    @Test
    void aConfirmStillFailingAfterFiveAttemptsHasAnUnknownOutcomeForTheJanitor() {
        for (int i = 0; i < 6; i++) {
            stub.answer(500, error("api_error", null, null, "Something went wrong on Stripe's end."));
        }

        assertThat(provider.confirm(charge(1))).isEqualTo(new ChargeOutcome.Unknown());
        assertThat(stub.received())
                .hasSize(5)
                .extracting(StripeStub.Received::idempotencyKey)
                .containsOnly(PAYMENT.value() + "-confirm-1");
    }

    @Test
    void aTimeoutIsRetriedWithTheSameIdempotencyKey() {
        StripePaymentProvider impatient = provider(stub, Duration.ofMillis(500));
        stub.answer(new StripeStub.Answer(200, paymentIntent(INTENT, "succeeded", CHARGE))
                        .delayed(Duration.ofSeconds(2)))
                .answer(200, paymentIntent(INTENT, "succeeded", CHARGE));

        assertThat(impatient.confirm(charge(1))).isEqualTo(new ChargeOutcome.Succeeded(CHARGE_DETAILS));
        assertThat(stub.received())
                .extracting(StripeStub.Received::idempotencyKey)
                .containsExactly(PAYMENT.value() + "-confirm-1", PAYMENT.value() + "-confirm-1");
    }

    @Test
    void aCreateStillFailingAfterFiveAttemptsIsUnavailableAndRecordsNothing() {
        for (int i = 0; i < 6; i++) {
            stub.answer(503, error("api_error", null, null, "Service unavailable."));
        }

        assertThatThrownBy(() -> provider.createPayment(
                        new PaymentRequest(PAYMENT, Money.of(1099, "EUR"), null, null, null, Map.of())))
                .isInstanceOf(ProviderUnavailable.class);
        assertThat(stub.received()).hasSize(5);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCallingStripe() {
        for (int i = 0; i < 10; i++) {
            stub.answer(500, error("api_error", null, null, "Something went wrong on Stripe's end."));
        }
        PaymentRequest request = new PaymentRequest(PAYMENT, Money.of(1099, "EUR"), null, null, null, Map.of());
        assertThatThrownBy(() -> provider.createPayment(request)).isInstanceOf(ProviderUnavailable.class);
        assertThatThrownBy(() -> provider.createPayment(request)).isInstanceOf(ProviderUnavailable.class);
        assertThat(stub.received()).hasSize(10);

        assertThatThrownBy(() -> provider.createPayment(request))
                .isInstanceOf(ProviderUnavailable.class)
                .hasMessageContaining("circuit breaker open");
        assertThat(stub.received()).hasSize(10);
    }

    @Test
    void callsBeyondTheBulkheadAreNeverSentAndRecordNoOutcome() throws Exception {
        StripePaymentProvider bounded = new StripePaymentProvider(api(
                stub,
                Duration.ofSeconds(5),
                new StripeSettings.Bulkhead(1, Duration.ofMillis(50), Duration.ofSeconds(3))));
        stub.answer(new StripeStub.Answer(200, paymentIntent(INTENT, "requires_payment_method", null))
                        .delayed(Duration.ofSeconds(1)))
                .answer(200, paymentIntent(INTENT, "succeeded", CHARGE));
        PaymentRequest create = new PaymentRequest(PAYMENT, Money.of(1099, "EUR"), null, null, null, Map.of());
        CompletableFuture<ProviderPayment> slow = CompletableFuture.supplyAsync(() -> bounded.createPayment(create));
        await().atMost(Duration.ofSeconds(5)).until(() -> stub.received().size() == 1);

        long started = System.nanoTime();
        assertThatThrownBy(() -> bounded.confirm(charge(1)))
                .as("a confirm that was never sent is not an unknown outcome")
                .isInstanceOfSatisfying(
                        ProviderSaturated.class,
                        saturated -> assertThat(saturated.headers()).containsEntry("Retry-After", "3"));
        assertThatThrownBy(() -> bounded.refund(refundOf(null))).isInstanceOf(ProviderSaturated.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(800));
        assertThat(stub.received()).hasSize(1);

        assertThat(slow.get(5, TimeUnit.SECONDS).providerPaymentId()).isEqualTo(INTENT);
        assertThat(bounded.confirm(charge(1))).isEqualTo(new ChargeOutcome.Succeeded(CHARGE_DETAILS));
        assertThat(stub.received()).hasSize(2);
    }

    @Test
    void aRefundStillFailingAfterRetriesIsPendingWithoutAStripeId() {
        for (int i = 0; i < 5; i++) {
            stub.answer(502, error("api_error", null, null, "Bad gateway."));
        }

        assertThat(provider.refund(refundOf(null))).isEqualTo(new RefundOutcome.Pending(null));
        assertThat(stub.received())
                .extracting(StripeStub.Received::idempotencyKey)
                .containsOnly(REFUND.value());
    }

    @Test
    void aServerErrorIsRetriedWithTheSameIdempotencyKey() {
        stub.answer(500, error("api_error", null, null, "Something went wrong on Stripe's end."))
                .answer(200, paymentIntent(INTENT, "requires_payment_method", null));

        provider.createPayment(new PaymentRequest(PAYMENT, Money.of(1099, "EUR"), null, "order-7", null, Map.of()));

        assertThat(stub.received())
                .extracting(StripeStub.Received::idempotencyKey)
                .containsExactly(PAYMENT.value() + "-create", PAYMENT.value() + "-create");
    }

    @Test
    void aServerErrorStripeSaysNotToRetryIsNotRetried() {
        stub.answer(
                500,
                error("api_error", null, null, "The request conflicted with another one."),
                Map.of("Stripe-Should-Retry", "false"));

        assertThatThrownBy(() -> provider.createPayment(
                        new PaymentRequest(PAYMENT, Money.of(1099, "EUR"), null, "order-7", null, Map.of())))
                .isInstanceOf(StripeRequestFailed.class);
        assertThat(stub.received()).as("Stripe-Should-Retry: false is heeded").hasSize(1);
    }

    @Test
    void anUnknownPaymentMethodIsTheClientsMistake() {
        stub.answer(
                400,
                "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\","
                        + " \"param\": \"payment_method\", \"message\": \"No such PaymentMethod: 'pm_nope'\"}}");

        assertThatThrownBy(() -> provider.confirm(
                        new ChargeRequest(PAYMENT, INTENT, Money.of(1099, "EUR"), "pm_nope", 1, false)))
                .isInstanceOf(UnknownPaymentMethod.class);
    }

    @Test
    void aRejectedKeyFailsWithoutQuotingIt() {
        stub.answer(401, error("invalid_request_error", null, null, "Invalid API Key provided: " + KEY));

        assertThatThrownBy(() -> provider.confirm(charge(1)))
                .isInstanceOf(StripeRequestFailed.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(KEY).doesNotContain("SecretKey"))
                .satisfies(e -> assertThat(e.getCause()).isNull());
        assertThat(stub.received()).as("an authentication error is not retried").hasSize(1);
    }

    @Test
    void cancelPostsWithItsIdempotencyKey() {
        stub.answer(200, paymentIntent(INTENT, "canceled", null));

        provider.cancel(new CancelRequest(PAYMENT, INTENT, "requested_by_customer"));

        assertThat(stub.only().path()).isEqualTo("/v1/payment_intents/" + INTENT + "/cancel");
        assertThat(stub.only().idempotencyKey()).isEqualTo(PAYMENT.value() + "-cancel");
    }

    @Test
    void anAmountChangeUpdatesThePaymentIntentWithAKeyOfTheChangeAndTheAmount() {
        stub.answer(200, paymentIntent(INTENT, "requires_payment_method", null));

        provider.changeAmount(new AmountChangeRequest(PAYMENT, INTENT, Money.of(2500, "EUR"), 2));

        StripeStub.Received request = stub.only();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/payment_intents/" + INTENT);
        assertThat(request.idempotencyKey()).isEqualTo(PAYMENT.value() + "-amount-2-2500");
        assertThat(request.form()).containsExactly(Map.entry("amount", "2500"));
    }

    @Test
    void anAmountChangeStripeRefusesForTheIntentsStatusIsAnIllegalTransition() {
        stub.answer(
                400,
                error(
                        "invalid_request_error",
                        "payment_intent_unexpected_state",
                        null,
                        "This PaymentIntent's amount could not be updated because it has a status of succeeded."));

        assertThatThrownBy(
                        () -> provider.changeAmount(new AmountChangeRequest(PAYMENT, INTENT, Money.of(2500, "EUR"), 1)))
                .isInstanceOf(IntentAmountFixed.class)
                .hasMessageContaining(PAYMENT.value());
        assertThat(stub.received()).as("not retried").hasSize(1);
    }

    @Test
    void anAmountChangeThatNeverReachesStripeIsUnavailable() {
        for (int i = 0; i < 5; i++) {
            stub.answer(500, error("api_error", null, null, "Something went wrong on Stripe's end."));
        }

        assertThatThrownBy(
                        () -> provider.changeAmount(new AmountChangeRequest(PAYMENT, INTENT, Money.of(2500, "EUR"), 1)))
                .isInstanceOf(ProviderUnavailable.class);
        assertThat(stub.received())
                .extracting(StripeStub.Received::idempotencyKey)
                .containsOnly(PAYMENT.value() + "-amount-1-2500");
    }

    @Test
    void refundSucceeded() {
        stub.answer(
                200, refund("re_3Pgc72B7", "succeeded", "\"charge\": \"ch_1\", \"balance_transaction\": \"txn_2\""));

        assertThat(provider.refund(refundOf("requested_by_customer")))
                .isEqualTo(new RefundOutcome.Succeeded(
                        "re_3Pgc72B7", new ProviderDetails("ch_1", "txn_2", Stripe.API_VERSION)));
        StripeStub.Received request = stub.only();
        assertThat(request.path()).isEqualTo("/v1/refunds");
        assertThat(request.idempotencyKey()).isEqualTo(REFUND.value());
        assertThat(request.form())
                .containsEntry("payment_intent", INTENT)
                .containsEntry("amount", "500")
                .containsEntry("reason", "requested_by_customer")
                .containsEntry("metadata[paymentId]", PAYMENT.value())
                .containsEntry("metadata[refundId]", REFUND.value());
    }

    @Test
    void aReasonStripeDoesNotKnowGoesToMetadata() {
        stub.answer(200, refund("re_3Pgc72B7", "pending", null));

        assertThat(provider.refund(refundOf("damaged in transit"))).isEqualTo(new RefundOutcome.Pending("re_3Pgc72B7"));
        assertThat(stub.only().form())
                .doesNotContainKey("reason")
                .containsEntry("metadata[reason]", "damaged in transit");
    }

    @Test
    void refundFailed() {
        stub.answer(200, refund("re_3Pgc72B7", "failed", "\"failure_reason\": \"expired_or_canceled_card\""));

        assertThat(provider.refund(refundOf(null)))
                .isInstanceOfSatisfying(
                        RefundOutcome.Failed.class,
                        failed -> assertThat(failed.code()).isEqualTo("expired_or_canceled_card"));
    }

    private static ChargeRequest charge(int attempt) {
        return new ChargeRequest(PAYMENT, INTENT, Money.of(1099, "EUR"), "pm_card_visa", attempt, false);
    }

    private static RefundRequest refundOf(String reason) {
        return new RefundRequest(PAYMENT, REFUND, INTENT, Money.of(500, "EUR"), reason);
    }
}
