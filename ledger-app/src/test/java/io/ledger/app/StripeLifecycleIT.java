package io.ledger.app;

import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static io.ledger.app.support.LedgerApi.newRequestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.app.support.CommitCrasher;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerDb.StoredEvent;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.stripe.FakeStripe;
import io.ledger.command.stripe.StripeStub.Received;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The whole payment lifecycle through Stripe: the assembled application with {@code stripe.secret-key} and
 * {@code stripe.api-base} pointing at a stateful fake Stripe ({@link FakeStripe}) speaking Stripe's wire format, over
 * HTTP. Its own application context (the Stripe provider instead of the simulated one), closed after the class; a
 * janitor that looks 2 s after a wait begins, then every second; retries a few milliseconds apart, a 1 s read timeout,
 * and a circuit breaker that does not open within this class (it is tested in command-side).
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.janitor.poll-interval=PT0.2S",
            "ledger.janitor.backoff=2s,1s",
            "stripe.circuit-breaker.sliding-window-size=100",
            "stripe.circuit-breaker.minimum-number-of-calls=100",
            "stripe.read-timeout=PT1S",
            "stripe.retry.initial-backoff=PT0.01S",
            "stripe.retry.max-backoff=PT0.05S"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class StripeLifecycleIT {

    private static final String SECRET_KEY = "sk_test_51LedgerSecretThatMustNeverLeak";
    private static final String KEY = "Idempotency-Key";
    private static final Duration JANITOR = Duration.ofSeconds(20);
    private static final FakeStripe stripe = new FakeStripe();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("stripe.secret-key", () -> SECRET_KEY);
        properties.add("stripe.api-base", stripe::base);
    }

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommitCrasher crasher;

    @Autowired
    TransactionTemplate transaction;

    LedgerApi api;
    LedgerDb db;
    String customerId;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customerId = "cus_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aCardPaymentIsCreatedAndConfirmedThroughStripeWithKeysDerivedFromOurIds() {
        Answer created = api.post("/api/payments", charge(2500, "pm_card_visa"), KEY, newIdempotencyKey());

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode payment = created.json();
        String id = payment.get("id").asString();
        String intentId = payment.get("providerPaymentId").asString();
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("provider").asString()).isEqualTo("stripe");
        assertThat(intentId).startsWith("pi_");
        assertThat(payment.get("clientSecret").asString()).startsWith(intentId + "_secret_");

        Received create = only(stripe.received("POST", "/v1/payment_intents").stream()
                .filter(r -> id.equals(r.form().get("metadata[paymentId]")))
                .toList());
        assertThat(create.idempotencyKey()).isEqualTo(id + "-create");
        assertThat(create.authorization()).isEqualTo("Bearer " + SECRET_KEY);
        assertThat(create.form())
                .containsEntry("amount", "2500")
                .containsEntry("currency", "usd")
                .containsEntry("customer", customerId)
                .containsEntry("description", "Two books")
                .containsEntry("metadata[paymentId]", id)
                .containsEntry("metadata[orderId]", "order-" + customerId);
        Received confirm = only(stripe.received("POST", "/v1/payment_intents/" + intentId + "/confirm"));
        assertThat(confirm.idempotencyKey()).isEqualTo(id + "-confirm-1");
        assertThat(confirm.form()).containsEntry("payment_method", "pm_card_visa");

        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentSucceeded");
        JsonNode details = payload(id, "PaymentSucceeded").get("details");
        assertThat(details.get("chargeId").asString())
                .isEqualTo(stripe.intent(intentId).get("latest_charge").asString());
        assertThat(details.get("balanceTransactionId").asString()).startsWith("txn_");
        assertThat(details.get("apiVersion").asString()).isEqualTo(FakeStripe.API_VERSION);
        assertThat(db.eventsMentioning("_secret_"))
                .as("no client secret in any event")
                .isZero();
        assertThat(db.eventsMentioning(SECRET_KEY)).isZero();
        assertThat(watch(id)).containsEntry("status", "succeeded").containsEntry("awaiting", false);
    }

    @Test
    void aNewAmountOfAPendingPaymentGoesToItsPaymentIntentBeforeItIsRecordedAndIsWhatIsCharged() {
        JsonNode created = api.post("/api/payments", charge(2500, null)).json();
        String id = created.get("id").asString();
        String intentId = created.get("providerPaymentId").asString();

        Answer patched = api.patch("/api/payments/" + id, Map.of("amount", 3100, "description", "Three books"));

        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().get("amount").asLong()).isEqualTo(3100);
        Received update = only(stripe.received("POST", "/v1/payment_intents/" + intentId));
        assertThat(update.idempotencyKey()).isEqualTo(id + "-amount-1-3100");
        assertThat(update.form()).containsExactly(Map.entry("amount", "3100"));
        assertThat(stripe.intent(intentId).get("amount").asLong()).isEqualTo(3100);
        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentUpdated");

        Answer descriptionOnly = api.patch("/api/payments/" + id, Map.of("description", "Four books"));
        assertThat(descriptionOnly.status()).as("%s", descriptionOnly).isEqualTo(200);
        assertThat(stripe.received("POST", "/v1/payment_intents/" + intentId))
                .as("only a new amount is sent to Stripe")
                .hasSize(1);

        JsonNode paid = api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"))
                .json();
        assertThat(paid.get("status").asString()).isEqualTo("succeeded");
        assertThat(payload(id, "PaymentSucceeded").get("amount").get("minor").asLong())
                .isEqualTo(3100);

        Answer tooLate = api.patch("/api/payments/" + id, Map.of("amount", 4000));
        assertThat(tooLate.status()).as("%s", tooLate).isEqualTo(409);
        assertThat(stripe.received("POST", "/v1/payment_intents/" + intentId))
                .as("a captured payment's amount is refused before Stripe is asked")
                .hasSize(1);
    }

    @Test
    void aNewAmountStripeNoLongerTakesIsRefusedAndNothingIsRecorded() {
        JsonNode created = api.post("/api/payments", charge(2500, null)).json();
        String id = created.get("id").asString();
        String intentId = created.get("providerPaymentId").asString();
        stripe.confirmFromBrowser(intentId, "pm_card_visa");

        Answer refused = api.patch("/api/payments/" + id, Map.of("amount", 3100));

        assertThat(refused.status()).as("%s", refused).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalid_state_transition");
        assertThat(types(id)).containsExactly("PaymentCreated");
        assertThat(stripe.intent(intentId).get("amount").asLong()).isEqualTo(2500);
    }

    @Test
    void archivingAPendingPaymentCancelsItsPaymentIntent() {
        JsonNode created = api.post("/api/payments", charge(2500, null)).json();
        String id = created.get("id").asString();
        String intentId = created.get("providerPaymentId").asString();

        Answer archived = api.delete("/api/payments/" + id);

        assertThat(archived.status()).as("%s", archived).isEqualTo(200);
        assertThat(archived.json().get("archived").asBoolean()).isTrue();
        Received cancel = only(stripe.received("POST", "/v1/payment_intents/" + intentId + "/cancel"));
        assertThat(cancel.idempotencyKey()).isEqualTo(id + "-cancel");
        assertThat(stripe.intent(intentId).get("status").asString()).isEqualTo("canceled");
        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentCanceled", "PaymentArchived");
    }

    @Test
    void threeDSecureRequiresActionThenTheConfirmAfterTheCustomerActedRetrievesTheOutcome() {
        String id = created(4000);
        Answer first =
                api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_authenticationRequired"));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("requires_action");
        assertThat(watch(id)).containsEntry("status", "requires_action").containsEntry("awaiting", true);

        String intentId = first.json().get("providerPaymentId").asString();
        stripe.completeCustomerAction(intentId);
        Answer second = api.post("/api/payments/" + id + "/confirm", null);

        assertThat(second.json().get("status").asString()).as("%s", second).isEqualTo("succeeded");
        assertThat(stripe.received("POST", "/confirm").stream()
                        .filter(r -> r.path().contains(intentId)))
                .hasSize(1);
        assertThat(stripe.received("GET", "/v1/payment_intents/" + intentId)).isNotEmpty();
        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentActionRequired", "PaymentSucceeded");
    }

    @Test
    void aDeclinedCardIsAFailedPaymentWithStripesDeclineCode() {
        Answer declined = api.post("/api/payments", charge(1500, "pm_card_chargeDeclined"));
        Answer poor = api.post("/api/payments", charge(1600, "pm_card_insufficientFunds"));

        assertThat(declined.status()).as("%s", declined).isEqualTo(201);
        assertThat(declined.json().get("status").asString()).isEqualTo("failed");
        assertThat(declined.json().get("failure").get("code").asString()).isEqualTo("card_declined");
        assertThat(declined.json().get("failure").get("message").asString()).isEqualTo("Your card was declined.");
        assertThat(poor.json().get("failure").get("code").asString()).isEqualTo("insufficient_funds");
        JsonNode failed = payload(declined.json().get("id").asString(), "PaymentFailed");
        assertThat(failed.get("declineCode").asString()).isEqualTo("generic_decline");
        assertThat(failed.get("details").get("chargeId").asString()).startsWith("ch_");
        assertThat(payload(poor.json().get("id").asString(), "PaymentFailed")
                        .get("declineCode")
                        .asString())
                .isEqualTo("insufficient_funds");

        // A failed payment may be confirmed again with another card: a new attempt, a new key.
        String id = declined.json().get("id").asString();
        Answer retried = api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));
        assertThat(retried.json().get("status").asString()).isEqualTo("succeeded");
        assertThat(confirmsOf(retried.json().get("providerPaymentId").asString()))
                .extracting(Received::idempotencyKey)
                .containsExactly(id + "-confirm-1", id + "-confirm-2");
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedWithTheSameKey() {
        String id = created(3000);
        stripe.failNext("/confirm", 1, 429).failNext("/confirm", 2, 500);

        Answer confirmed = api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));

        assertThat(confirmed.json().get("status").asString())
                .as("%s", confirmed)
                .isEqualTo("succeeded");
        String intentId = confirmed.json().get("providerPaymentId").asString();
        assertThat(confirmsOf(intentId))
                .hasSize(4)
                .extracting(Received::idempotencyKey)
                .containsOnly(id + "-confirm-1");
        assertThat(stripe.executed("/" + intentId + "/confirm")).hasSize(1);
        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentSucceeded");
    }

    @Test
    void aTimeoutIsRetriedWithTheSameKeyAndStripeAnswersWithTheFirstOutcome() {
        String id = created(3100);
        stripe.hangNext("/confirm", Duration.ofSeconds(3));

        Answer confirmed = api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));

        assertThat(confirmed.json().get("status").asString())
                .as("%s", confirmed)
                .isEqualTo("succeeded");
        String intentId = confirmed.json().get("providerPaymentId").asString();
        assertThat(confirmsOf(intentId))
                .extracting(Received::idempotencyKey)
                .containsExactly(id + "-confirm-1", id + "-confirm-1");
        assertThat(stripe.executed("/" + intentId + "/confirm"))
                .as("charged once")
                .hasSize(1);
    }

    @Test
    void aConfirmStillFailingAfterFiveAttemptsIsProcessingAndTheJanitorSettlesIt() {
        String id = created(3200);
        stripe.failNext("/confirm", 5, 503);

        Answer confirmed = api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));

        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("processing");
        String intentId = confirmed.json().get("providerPaymentId").asString();
        assertThat(confirmsOf(intentId)).hasSize(5);
        assertThat(stripe.executed("/" + intentId + "/confirm")).isEmpty();

        await().atMost(JANITOR).untilAsserted(() -> assertThat(types(id)).last().isEqualTo("PaymentSucceeded"));
        assertThat(confirmsOf(intentId))
                .hasSize(6)
                .extracting(Received::idempotencyKey)
                .containsOnly(id + "-confirm-1");
        assertThat(stripe.executed("/" + intentId + "/confirm")).hasSize(1);
        StoredEvent succeeded = db.eventsOf(id).get(2);
        assertThat(succeeded.source()).isEqualTo("janitor");
        assertThat(succeeded.actor()).isEqualTo("janitor");
        assertThat(watch(id)).containsEntry("awaiting", false);
    }

    @Test
    void aConfirmWhoseAnswersWereLostButWhichNeeds3DSecureIsCorrectedToRequiresActionByTheJanitor() {
        String id = created(3300);
        // The first attempt reaches Stripe (which asks for 3-D Secure) but its answer is lost; the retries get 503s.
        stripe.hangNext("/confirm", Duration.ofSeconds(3)).failNext("/confirm", 4, 503);

        Answer confirmed =
                api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_authenticationRequired"));

        assertThat(confirmed.json().get("status").asString())
                .as("%s", confirmed)
                .isEqualTo("processing");
        String intentId = confirmed.json().get("providerPaymentId").asString();
        assertThat(stripe.intent(intentId).get("status").asString()).isEqualTo("requires_action");

        await().atMost(JANITOR)
                .untilAsserted(() -> assertThat(types(id))
                        .containsExactly("PaymentCreated", "PaymentOutcomeUnknown", "PaymentActionRequired"));
        assertThat(db.eventsOf(id).get(2).source()).isEqualTo("janitor");
        assertThat(watch(id)).containsEntry("status", "requires_action").containsEntry("awaiting", true);

        stripe.completeCustomerAction(intentId);
        await().atMost(JANITOR).untilAsserted(() -> assertThat(types(id)).last().isEqualTo("PaymentSucceeded"));
        assertThat(stripe.executed("/" + intentId + "/confirm"))
                .as("one confirm reached Stripe")
                .hasSize(1);
    }

    @Test
    void aCrashBetweenStripesConfirmAndTheAppendIsHealedByTheJanitor() {
        String id = created(5100);
        String requestId = newRequestId();

        Answer crashed = api.post(
                "/api/payments/" + id + "/confirm",
                Map.of("paymentMethod", "pm_card_visa"),
                KEY,
                newIdempotencyKey(),
                "X-Request-Id",
                requestId,
                CommitCrasher.HEADER,
                "true");

        assertThat(crashed.status()).as("%s", crashed).isEqualTo(500);
        assertThat(crasher.crashOf(requestId).orElseThrow().events())
                .as("the command had run")
                .isOne();
        String intentId = intentOf(id);
        assertThat(stripe.intent(intentId).get("status").asString())
                .as("Stripe charged")
                .isEqualTo("succeeded");
        assertThat(types(id)).as("the ledger did not hear of it").containsExactly("PaymentCreated");
        assertThat(watch(id))
                .as("the work list's change rolled back with the events")
                .containsEntry("status", "pending")
                .containsEntry("awaiting", true);

        await().atMost(JANITOR)
                .untilAsserted(() -> assertThat(types(id)).containsExactly("PaymentCreated", "PaymentSucceeded"));
        StoredEvent healed = db.eventsOf(id).get(1);
        assertThat(healed.source()).isEqualTo("janitor");
        assertThat(payload(id, "PaymentSucceeded")
                        .get("details")
                        .get("chargeId")
                        .asString())
                .isEqualTo(stripe.intent(intentId).get("latest_charge").asString());
        assertThat(confirmsOf(intentId))
                .as("exactly one confirm reached Stripe")
                .hasSize(1);
        assertThat(stripe.received("GET", "/v1/payment_intents/" + intentId)).isNotEmpty();
        assertThat(watch(id)).containsEntry("status", "succeeded").containsEntry("awaiting", false);
    }

    @Test
    void aCrashedCreateRetriedWithTheSameKeyMakesNoSecondPaymentIntentNorCharge() {
        Map<String, Object> body = charge(6100, "pm_card_visa");
        String key = newIdempotencyKey();
        String requestId = newRequestId();

        Answer crashed =
                api.post("/api/payments", body, KEY, key, "X-Request-Id", requestId, CommitCrasher.HEADER, "true");
        assertThat(crashed.status()).as("%s", crashed).isEqualTo(500);
        assertThat(db.paymentsOfCustomer(customerId)).isEmpty();

        Answer retry = api.post("/api/payments", body, KEY, key);

        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        String id = retry.json().get("id").asString();
        assertThat(retry.json().get("status").asString()).isEqualTo("succeeded");
        List<Received> creates = stripe.received("POST", "/v1/payment_intents").stream()
                .filter(r -> customerId.equals(r.form().get("customer")))
                .toList();
        assertThat(creates).hasSize(2).extracting(Received::idempotencyKey).containsOnly(id + "-create");
        assertThat(stripe.executed("/v1/payment_intents").stream()
                        .filter(r -> customerId.equals(r.form().get("customer"))))
                .as("one PaymentIntent")
                .hasSize(1);
        String intentId = retry.json().get("providerPaymentId").asString();
        assertThat(confirmsOf(intentId))
                .hasSize(2)
                .extracting(Received::idempotencyKey)
                .containsOnly(id + "-confirm-1");
        assertThat(stripe.executed("/" + intentId + "/confirm"))
                .as("one charge")
                .hasSize(1);
        assertThat(db.paymentsOfCustomer(customerId)).containsExactly(id);
    }

    @Test
    void refundsFullAndPartialWithReasonCarryOurIdsAndKeys() {
        String id = succeeded(10000);

        Answer partial =
                api.post("/api/payments/" + id + "/refunds", Map.of("amount", 3000, "reason", "requested_by_customer"));
        assertThat(partial.status()).as("%s", partial).isEqualTo(201);
        assertThat(partial.json().get("status").asString()).isEqualTo("succeeded");
        String refundId = partial.json().get("id").asString();
        Received request = only(stripe.received("POST", "/v1/refunds").stream()
                .filter(r -> refundId.equals(r.idempotencyKey()))
                .toList());
        assertThat(request.form())
                .containsEntry("amount", "3000")
                .containsEntry("reason", "requested_by_customer")
                .containsEntry("metadata[paymentId]", id)
                .containsEntry("metadata[refundId]", refundId);
        JsonNode settled = payload(id, "RefundSucceeded");
        assertThat(settled.get("providerRefundId").asString()).startsWith("re_");
        assertThat(settled.get("details").get("balanceTransactionId").asString())
                .startsWith("txn_");

        Answer rest = api.post("/api/payments/" + id + "/refunds", null);
        assertThat(rest.json().get("amount").asLong()).isEqualTo(7000);
        assertThat(api.post("/api/payments/" + id + "/confirm", null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("refunded");
    }

    @Test
    void aPendingRefundIsSettledByTheJanitorAsSucceededOrFailed() {
        String id = succeeded(9000);
        stripe.refundsSettleLater(true);
        Answer good;
        Answer bad;
        try {
            good = api.post("/api/payments/" + id + "/refunds", Map.of("amount", 2000));
            bad = api.post("/api/payments/" + id + "/refunds", Map.of("amount", 3000));
        } finally {
            stripe.refundsSettleLater(false);
        }
        assertThat(good.json().get("status").asString()).as("%s", good).isEqualTo("pending");
        assertThat(bad.json().get("status").asString()).isEqualTo("pending");
        String goodAtStripe = payloadOfRefund(good.json().get("id").asString())
                .get("providerRefundId")
                .asString();
        String badAtStripe = payloadOfRefund(bad.json().get("id").asString())
                .get("providerRefundId")
                .asString();

        stripe.settleRefund(goodAtStripe, "succeeded");
        stripe.settleRefund(badAtStripe, "failed");

        await().atMost(JANITOR).untilAsserted(() -> assertThat(types(id)).contains("RefundSucceeded", "RefundFailed"));
        assertThat(db.eventsOf(id).stream()
                        .filter(e -> e.type().startsWith("Refund") && !e.type().equals("RefundRequested")))
                .extracting(StoredEvent::source)
                .containsOnly("janitor");
        assertThat(payload(id, "RefundFailed").get("code").asString()).isEqualTo("expired_or_canceled_card");
        Answer payment = api.post("/api/payments/" + id + "/confirm", null);
        assertThat(payment.json().get("amountRefunded").asLong()).isEqualTo(2000);
        assertThat(payment.json().get("status").asString()).isEqualTo("partially_refunded");
        assertThat(jdbc.sql("SELECT count(*) FROM stripe_refund_watch WHERE payment_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRefundThatNeverReachedStripeIsAskedForAgainWithTheSameKeyByTheJanitor() {
        String id = succeeded(8000);
        stripe.failNext("/v1/refunds", 5, 500);

        Answer refund = api.post("/api/payments/" + id + "/refunds", Map.of("amount", 1000));

        assertThat(refund.status()).as("%s", refund).isEqualTo(201);
        assertThat(refund.json().get("status").asString()).isEqualTo("pending");
        String refundId = refund.json().get("id").asString();
        assertThat(payloadOfRefund(refundId).get("providerRefundId").isNull()).isTrue();
        await().atMost(JANITOR).untilAsserted(() -> assertThat(types(id)).last().isEqualTo("RefundSucceeded"));
        assertThat(refundPosts(refundId)).hasSize(6);
        assertThat(stripe.executed("/v1/refunds").stream().filter(r -> refundId.equals(r.idempotencyKey())))
                .as("one refund at Stripe")
                .hasSize(1);
    }

    @Test
    void aRefundWhoseAnswerWasLostIsFoundByItsMetadataNotMadeAgain() {
        String id = succeeded(8100);
        stripe.hangNext("/v1/refunds", Duration.ofSeconds(3)).failNext("/v1/refunds", 4, 500);

        Answer refund = api.post("/api/payments/" + id + "/refunds", Map.of("amount", 1100));

        assertThat(refund.json().get("status").asString()).as("%s", refund).isEqualTo("pending");
        String refundId = refund.json().get("id").asString();
        await().atMost(JANITOR).untilAsserted(() -> assertThat(types(id)).last().isEqualTo("RefundSucceeded"));
        assertThat(refundPosts(refundId)).as("no new request for it").hasSize(5);
        assertThat(stripe.executed("/v1/refunds").stream().filter(r -> refundId.equals(r.idempotencyKey())))
                .hasSize(1);
        assertThat(stripe.received("GET", "/v1/refunds")).isNotEmpty();
        assertThat(payload(id, "RefundSucceeded").get("providerRefundId").asString())
                .startsWith("re_");
    }

    @Test
    void paymentsConfirmedInTheBrowserAreRecordedByTheJanitorWhichSkipsRowsAnotherWorkerHolds() {
        String held = created(4400);
        String free = created(4500);
        stripe.confirmFromBrowser(intentOf(held), "pm_card_visa");
        stripe.confirmFromBrowser(intentOf(free), "pm_card_visa");

        transaction.executeWithoutResult(tx -> {
            jdbc.sql("SELECT payment_id FROM stripe_payment_watch WHERE payment_id = ? FOR UPDATE")
                    .param(held)
                    .query(String.class)
                    .single();
            // Another worker holds the older row past its due time: the janitor skips it and settles the next one.
            await().atMost(JANITOR)
                    .untilAsserted(() -> assertThat(types(free)).containsExactly("PaymentCreated", "PaymentSucceeded"));
            assertThat(types(held)).containsExactly("PaymentCreated");
            assertThat(stripe.received("GET", "/v1/payment_intents/" + intentOf(held)))
                    .isEmpty();
        });

        await().atMost(JANITOR)
                .untilAsserted(() -> assertThat(types(held)).containsExactly("PaymentCreated", "PaymentSucceeded"));
        assertThat(db.eventsOf(held).get(1).source()).isEqualTo("janitor");
        assertThat(db.eventsOf(free).get(1).source()).isEqualTo("janitor");
    }

    @Test
    void cancelingCancelsThePaymentIntentWithItsKey() {
        String id = created(2000);

        Answer canceled = api.post("/api/payments/" + id + "/cancel", Map.of("reason", "requested_by_customer"));

        assertThat(canceled.json().get("status").asString()).as("%s", canceled).isEqualTo("canceled");
        String intentId = canceled.json().get("providerPaymentId").asString();
        assertThat(only(stripe.received("POST", "/v1/payment_intents/" + intentId + "/cancel"))
                        .idempotencyKey())
                .isEqualTo(id + "-cancel");
        assertThat(stripe.intent(intentId).get("status").asString()).isEqualTo("canceled");
        assertThat(watch(id)).containsEntry("status", "canceled").containsEntry("awaiting", false);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Map<String, Object> charge(long amount, String paymentMethod) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("currency", "usd");
        body.put("customerId", customerId);
        body.put("orderId", "order-" + customerId);
        body.put("description", "Two books");
        if (paymentMethod != null) {
            body.put("paymentMethod", paymentMethod);
            body.put("confirm", true);
        }
        return body;
    }

    private String created(long amount) {
        Answer created = api.post("/api/payments", charge(amount, null));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String succeeded(long amount) {
        Answer created = api.post("/api/payments", charge(amount, "pm_card_visa"));
        assertThat(created.json().get("status").asString()).as("%s", created).isEqualTo("succeeded");
        return created.json().get("id").asString();
    }

    private List<Received> refundPosts(String refundId) {
        return stripe.received("POST", "/v1/refunds").stream()
                .filter(r -> refundId.equals(r.idempotencyKey()))
                .toList();
    }

    private List<String> types(String paymentId) {
        return db.eventsOf(paymentId).stream().map(StoredEvent::type).toList();
    }

    private List<Received> confirmsOf(String intentId) {
        return stripe.received("POST", "/v1/payment_intents/" + intentId + "/confirm");
    }

    /** The Stripe id of our payment, from the work list. */
    private String intentOf(String paymentId) {
        return jdbc.sql("SELECT provider_payment_id FROM stripe_payment_watch WHERE payment_id = ?")
                .param(paymentId)
                .query(String.class)
                .single();
    }

    private static Received only(List<Received> requests) {
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private JsonNode payload(String paymentId, String type) {
        String json = jdbc.sql("""
                        SELECT payload::text FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type LIKE ?
                         ORDER BY sequence_number LIMIT 1
                        """)
                .param(paymentId)
                .param("%." + type)
                .query(String.class)
                .single();
        return LedgerApi.JSON.readTree(json);
    }

    private JsonNode payloadOfRefund(String refundId) {
        String json = jdbc.sql("""
                        SELECT payload::text FROM domain_event_entry
                         WHERE payload_type LIKE '%.RefundRequested' AND payload->>'refundId' = ?
                        """).param(refundId).query(String.class).single();
        return LedgerApi.JSON.readTree(json);
    }

    private Map<String, Object> watch(String paymentId) {
        return jdbc.sql("""
                        SELECT status, next_check_at IS NOT NULL AS awaiting
                          FROM stripe_payment_watch WHERE payment_id = ?
                        """)
                .param(paymentId)
                .query((rs, row) ->
                        Map.<String, Object>of("status", rs.getString("status"), "awaiting", rs.getBoolean("awaiting")))
                .single();
    }
}
