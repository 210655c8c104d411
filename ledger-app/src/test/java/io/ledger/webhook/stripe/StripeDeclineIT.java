package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import io.ledger.app.support.stripe.FakeStripe;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * One decline, three roads: the card is declined in our own confirm (Stripe's 402 card error), in the browser with
 * the janitor finding out (the PaymentIntent's {@code last_payment_error}), and in the browser with Stripe's
 * {@code payment_intent.payment_failed} webhook telling us. Every road records the same failure code, decline code and
 * message, seen in the event store and in the payment resource of the read model. The application talks to the
 * stateful {@link FakeStripe}, on a database of its own; its janitor first looks 4 s after a wait begins, long after
 * the webhook road has been processed.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=stripe_declines",
            "ledger.janitor.poll-interval=PT0.2S",
            "ledger.janitor.backoff=4s,1s",
            "stripe.retry.initial-backoff=PT0.01S",
            "stripe.retry.max-backoff=PT0.05S"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class StripeDeclineIT {

    private static final Duration JANITOR = Duration.ofSeconds(30);
    private static final FakeStripe stripe = new FakeStripe();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("stripe.secret-key", () -> "sk_test_51LedgerDeclines");
        properties.add("stripe.api-base", stripe::base);
    }

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private WebhookDriver webhooks;
    private LedgerApi api;
    private LedgerDb db;

    @BeforeEach
    void setUp() {
        webhooks = WebhookDriver.of(context);
        api = webhooks.api();
        db = webhooks.db();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pm_card_chargeDeclined    | card_declined      | generic_decline    | Your card was declined.",
                "pm_card_insufficientFunds | insufficient_funds | insufficient_funds | Your card has insufficient funds."
            })
    void theSameDeclineIsRecordedAlikeThroughConfirmTheJanitorAndAWebhook(
            String card, String code, String declineCode, String message) {
        JsonNode confirmed = create(card);
        assertThat(confirmed.get("status").asString()).as("%s", confirmed).isEqualTo("failed");

        JsonNode byTheJanitor = create(null);
        stripe.confirmFromBrowser(intentOf(byTheJanitor), card);

        JsonNode byAWebhook = create(null);
        stripe.confirmFromBrowser(intentOf(byAWebhook), card);
        String failedAtStripe = stripe.intent(intentOf(byAWebhook)).toString();
        webhooks.deliver(StripeStory.event("payment_intent.payment_failed", failedAtStripe));
        webhooks.process();

        await().atMost(JANITOR)
                .untilAsserted(
                        () -> assertThat(types(id(byTheJanitor))).containsExactly("PaymentCreated", "PaymentFailed"));
        webhooks.awaitProjections();

        Map<String, String> roads = Map.of(
                id(confirmed), "api",
                id(byTheJanitor), "janitor",
                id(byAWebhook), "webhook");
        roads.forEach((paymentId, source) -> {
            List<LedgerDb.StoredEvent> events = db.eventsOf(paymentId);
            assertThat(events)
                    .extracting(LedgerDb.StoredEvent::type)
                    .containsExactly("PaymentCreated", "PaymentFailed");
            assertThat(events.get(1).source()).as("the road of %s", paymentId).isEqualTo(source);

            JsonNode failed = failedPayload(paymentId);
            assertThat(failed.get("code").asString())
                    .as("%s by %s", card, source)
                    .isEqualTo(code);
            assertThat(failed.get("declineCode").asString()).isEqualTo(declineCode);
            assertThat(failed.get("message").asString()).isEqualTo(message);
            assertThat(failed.get("details").get("chargeId").asString()).startsWith("ch_");

            JsonNode payment = webhooks.payment(paymentId);
            assertThat(payment.get("status").asString()).isEqualTo("failed");
            assertThat(payment.get("failure").get("code").asString()).isEqualTo(code);
            assertThat(payment.get("failure").get("message").asString()).isEqualTo(message);
        });
    }

    /** A payment created through the API; charged at once with {@code card} when one is given. */
    private JsonNode create(String card) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", 2400);
        body.put("currency", "usd");
        body.put("customerId", "cus_" + UUID.randomUUID().toString().replace("-", ""));
        if (card != null) {
            body.put("paymentMethod", card);
            body.put("confirm", true);
        }
        LedgerApi.Answer created = api.post("/api/payments", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    private static String id(JsonNode payment) {
        return payment.get("id").asString();
    }

    private static String intentOf(JsonNode payment) {
        return payment.get("providerPaymentId").asString();
    }

    private List<String> types(String paymentId) {
        return db.eventsOf(paymentId).stream().map(LedgerDb.StoredEvent::type).toList();
    }

    private JsonNode failedPayload(String paymentId) {
        String json = jdbc.sql("""
                        SELECT payload::text FROM domain_event_entry
                         WHERE aggregate_identifier = ? AND payload_type LIKE '%.PaymentFailed'
                        """).param(paymentId).query(String.class).single();
        return LedgerApi.JSON.readTree(json);
    }
}
