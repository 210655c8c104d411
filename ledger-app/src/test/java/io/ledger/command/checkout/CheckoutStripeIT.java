package io.ledger.command.checkout;

import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.StripeApiStub;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import io.ledger.command.stripe.StripeStub.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Hosted checkout with Stripe as the provider, against the Stripe-speaking stub ({@link StripeApiStub}): the session
 * is a Stripe Checkout Session in {@code payment} mode, asked for with our ids in its metadata and its PaymentIntent's
 * and an idempotency key derived from our payment id; an expired session is expired at Stripe and its payment canceled,
 * unless Stripe says the customer completed it at the last moment. (The webhook that completes it:
 * {@code CheckoutWebhookIT}.)
 */
@StripeWebhookIntegrationTest
class CheckoutStripeIT {

    private static final String SUCCESS = "https://shop.example/thanks";
    private static final String CANCEL = "https://shop.example/cart";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckoutExpiryJob expiry;

    private final StripeApiStub stripe = StripeApiStub.shared();
    private LedgerApi api;
    private LedgerDb db;
    private String customer;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customer = "cus_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aSessionIsAStripeCheckoutSessionAskedForWithOurIdsAndAKeyDerivedFromThem() {
        Answer created = api.post("/api/checkout/sessions", body(4200), "Idempotency-Key", newIdempotencyKey());

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode session = created.json();
        String paymentId = session.get("paymentId").asString();
        String stripeSession = StripeApiStub.sessionIdOf(paymentId);
        assertThat(session.get("url").asString()).isEqualTo("https://checkout.stripe.com/c/pay/" + stripeSession);
        assertThat(session.get("status").asString()).isEqualTo("open");
        Instant expiresAt = Instant.parse(session.get("expiresAt").asString());

        Received open = only(stripe.received("POST", "/v1/checkout/sessions").stream()
                .filter(r -> paymentId.equals(r.form().get("metadata[paymentId]")))
                .toList());
        assertThat(open.idempotencyKey()).isEqualTo(paymentId + "-checkout");
        assertThat(open.form())
                .containsEntry("mode", "payment")
                .containsEntry("success_url", SUCCESS)
                .containsEntry("cancel_url", CANCEL)
                .containsEntry("client_reference_id", paymentId)
                .containsEntry("customer", customer)
                .containsEntry("expires_at", Long.toString(expiresAt.getEpochSecond()))
                .containsEntry("metadata[paymentId]", paymentId)
                .containsEntry("metadata[orderId]", "order-9")
                .containsEntry("metadata[customerId]", customer)
                .containsEntry("payment_intent_data[metadata][paymentId]", paymentId)
                .containsEntry("payment_intent_data[metadata][orderId]", "order-9")
                .containsEntry("payment_intent_data[description]", "A lamp")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("line_items[0][price_data][unit_amount]", "4200")
                .containsEntry("line_items[0][price_data][product_data][name]", "A lamp");
        assertThat(db.eventsOf(paymentId))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated");
        assertThat(api.get("/api/payments/" + paymentId).status()).isIn(200, 404); // the read model follows
        assertThat(jdbc.sql("SELECT provider_session_id FROM checkout_session WHERE payment_id = ?")
                        .param(paymentId)
                        .query(String.class)
                        .single())
                .isEqualTo(stripeSession);
    }

    @Test
    void anExpiredSessionIsExpiredAtStripeAndItsPaymentCanceled() {
        JsonNode session = api.post("/api/checkout/sessions", body(1300), "Idempotency-Key", newIdempotencyKey())
                .json();
        String paymentId = session.get("paymentId").asString();
        makeDue(session.get("id").asString());

        expiry.expireDue();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("/api/checkout/sessions/"
                                        + session.get("id").asString())
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("expired"));
        Received expire = only(
                stripe.received("POST", "/v1/checkout/sessions/" + StripeApiStub.sessionIdOf(paymentId) + "/expire"));
        assertThat(expire.idempotencyKey()).isEqualTo(paymentId + "-checkout-expire");
        assertThat(db.eventsOf(paymentId))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentCanceled");
        assertThat(stripe.received("POST", "/v1/payment_intents/" + StripeApiStub.intentIdOf(paymentId) + "/cancel"))
                .hasSize(1);
    }

    @Test
    void aSessionTheCustomerCompletedAtTheLastMomentIsCompleteAndItsPaymentLeftToTheWebhooks() {
        JsonNode session = api.post("/api/checkout/sessions", body(1400), "Idempotency-Key", newIdempotencyKey())
                .json();
        String paymentId = session.get("paymentId").asString();
        String stripeSession = StripeApiStub.sessionIdOf(paymentId);
        stripe.put(
                "checkout/sessions",
                stripeSession,
                "{\"id\": \"" + stripeSession + "\", \"object\": \"checkout.session\", \"mode\": \"payment\","
                        + " \"status\": \"complete\", \"payment_status\": \"paid\", \"payment_intent\": \"pi_3late\","
                        + " \"metadata\": {\"paymentId\": \"" + paymentId + "\"}}");
        makeDue(session.get("id").asString());

        expiry.expireDue();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("SELECT status FROM checkout_session WHERE payment_id = ?")
                                .param(paymentId)
                                .query(String.class)
                                .single())
                        .isEqualTo("complete"));
        assertThat(db.eventsOf(paymentId))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated");
    }

    private Map<String, Object> body(long amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("currency", "EUR");
        body.put("customerId", customer);
        body.put("orderId", "order-9");
        body.put("description", "A lamp");
        body.put("successUrl", SUCCESS);
        body.put("cancelUrl", CANCEL);
        return body;
    }

    private void makeDue(String id) {
        jdbc.sql("UPDATE checkout_session SET expires_at = now() - interval '1 second' WHERE id = ?")
                .param(id)
                .update();
    }

    private static Received only(List<Received> received) {
        assertThat(received).hasSize(1);
        return received.get(0);
    }
}
