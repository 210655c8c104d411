package io.ledger.command.checkout;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Hosted checkout with the simulated provider, over HTTP on real PostgreSQL: a session makes its payment and a page of
 * the ledger's own, which a customer pays without a token with Stripe's test card numbers; refused requests leave
 * nothing behind; callers confined to their own payments open and see only their own sessions; an expired session
 * cancels its payment. (The page in a real browser: {@code CheckoutBrowserIT}; with Stripe: {@code CheckoutStripeIT}.)
 */
@LedgerIntegrationTest
class CheckoutIT {

    private static final String KEY = "Idempotency-Key";
    private static final String SUCCESS = "https://shop.example/thanks?order=1";
    private static final String CANCEL = "https://shop.example/cart";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CheckoutExpiryJob expiry;

    @LocalServerPort
    int port;

    LedgerApi api;
    LedgerDb db;
    String customer;
    final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customer = "cus_co_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aSessionMakesItsPaymentAndAPageOfTheLedgersOwn() {
        String key = newIdempotencyKey();
        Answer created = api.post("/api/checkout/sessions", body(1999), KEY, key);

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode session = created.json();
        String id = session.get("id").asString();
        String paymentId = session.get("paymentId").asString();
        assertThat(id).matches("cs_[0-9A-Za-z]{32}");
        assertThat(paymentId).startsWith("pay_");
        assertThat(session.get("status").asString()).isEqualTo("open");
        assertThat(session.get("url").asString()).isEqualTo("http://localhost:" + port + "/checkout/" + id);
        assertThat(created.header("Location")).isEqualTo("/api/checkout/sessions/" + id);
        Instant expiresAt = Instant.parse(session.get("expiresAt").asString());
        assertThat(expiresAt)
                .isBetween(
                        Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(session.properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("id", "paymentId", "url", "status", "expiresAt");

        Answer read = api.get("/api/checkout/sessions/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(session);
        assertThat(db.eventsOf(paymentId))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated");
        JsonNode payload = payloadOf(paymentId, 0);
        assertThat(payload.path("amount").path("minor").asLong()).isEqualTo(1999);
        assertThat(payload.get("customerId").asString()).isEqualTo(customer);
        assertThat(payload.get("orderId").asString()).isEqualTo("order-7");

        Answer replayed = api.post("/api/checkout/sessions", body(1999), KEY, key);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json()).isEqualTo(session);
        assertThat(sessionsOf(paymentId)).isOne();
    }

    @Test
    void aCustomerPaysOnThePageWithoutATokenAndIsSentToTheSuccessUrl() throws Exception {
        JsonNode session = open(2500);
        String page = session.get("url").asString();

        HttpResponse<String> shown = get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(shown.body())
                .contains("25.00 USD")
                .contains("name=\"cardNumber\"")
                .contains(CANCEL);
        String policy = shown.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'none'")
                .contains("form-action 'self' https://shop.example")
                .contains("frame-ancestors 'none'");
        assertThat(shown.headers().allValues("Cache-Control"))
                .anySatisfy(value -> assertThat(value).contains("no-store"));
        assertThat(shown.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        HttpResponse<String> paid = post(page, "cardNumber=4242+4242+4242+4242&expiry=12%2F34&cvc=123");

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).hasValue(SUCCESS);
        String paymentId = session.get("paymentId").asString();
        assertThat(db.eventsOf(paymentId))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentSucceeded");
        assertThat(payloadOf(paymentId, 1).get("paymentMethod").asString()).isEqualTo("pm_card_visa");
        assertThat(db.eventsMentioning("4242424242424242")).isZero();
        assertThat(db.eventsMentioning("4242 4242")).isZero();
        assertThat(api.get("/api/checkout/sessions/" + session.get("id").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("complete");
        HttpResponse<String> again = get(page);
        assertThat(again.body()).contains("This payment is paid.").doesNotContain("name=\"cardNumber\"");
    }

    @Test
    void aDeclinedCardShowsTheFailureAndAnotherCardMayFollow() throws Exception {
        JsonNode session = open(1200);
        String page = session.get("url").asString();

        HttpResponse<String> declined = post(page, "cardNumber=4000000000000002");

        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("Your card was declined.").contains("name=\"cardNumber\"");
        assertThat(declined.body()).doesNotContain("4000000000000002");
        assertThat(api.get("/api/checkout/sessions/" + session.get("id").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("open");

        HttpResponse<String> unknown = post(page, "cardNumber=1234123412341234");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("test card numbers").doesNotContain("1234123412341234");

        assertThat(post(page, "cardNumber=4242424242424242").statusCode()).isEqualTo(303);
        assertThat(db.eventsOf(session.get("paymentId").asString()))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentFailed", "PaymentSucceeded");
    }

    @Test
    void aCardThatAsksForAuthenticationIsPaidOnceTheCustomerAuthenticates() throws Exception {
        JsonNode session = open(3100);
        String page = session.get("url").asString();

        HttpResponse<String> asked = post(page, "cardNumber=4000 0025 0000 3155");

        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"authenticate\"");
        HttpResponse<String> authenticated = post(page + "/authenticate", "");
        assertThat(authenticated.statusCode()).isEqualTo(303);
        assertThat(authenticated.headers().firstValue("Location")).hasValue(SUCCESS);
        assertThat(db.eventsOf(session.get("paymentId").asString()))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentActionRequired", "PaymentSucceeded");
    }

    @Test
    void anUnknownSessionHasNoPage() throws Exception {
        HttpResponse<String> page = get("http://localhost:" + port + "/checkout/cs_nosuchsession");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("no checkout session");
        assertProblem(api.get("/api/checkout/sessions/cs_nosuchsession"), 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "successUrl=/thanks",
                "successUrl=ftp://shop.example/thanks",
                "successUrl=javascript:alert(1)",
                "successUrl=https://user:pw@shop.example/",
                "successUrl=not a url",
                "successUrl=",
                "cancelUrl=/cart",
                "cancelUrl=data:text/html,hi",
                "amount=0",
                "currency=xyz",
                "customerId= "
            })
    void anInvalidFieldIsRefusedByNameWithNothingStored(String field) {
        String name = field.substring(0, field.indexOf('='));
        String value = field.substring(field.indexOf('=') + 1);
        Map<String, Object> body = new HashMap<>(body(1000));
        body.put(name, name.equals("amount") ? (Object) Long.parseLong(value) : value);
        long events = db.events();
        long sessions = sessions();

        Answer refused = api.post("/api/checkout/sessions", body, KEY, newIdempotencyKey());

        assertProblem(refused, 400, "validation_failed");
        assertThat(refused.json()
                        .get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString()))
                .contains(name.equals("currency") ? "currency" : name);
        assertThat(db.events()).isEqualTo(events);
        assertThat(sessions()).isEqualTo(sessions);
    }

    @Test
    void aMissingSuccessUrlOrAnUnknownFieldIsRefused() {
        Map<String, Object> body = new HashMap<>(body(1000));
        body.remove("successUrl");
        assertProblem(api.post("/api/checkout/sessions", body, KEY, newIdempotencyKey()), 400, "validation_failed");
        Map<String, Object> extra = new HashMap<>(body(1000));
        extra.put("paymentMethod", "pm_card_visa");
        assertProblem(api.post("/api/checkout/sessions", extra, KEY, newIdempotencyKey()), 400, "validation_failed");
    }

    @Test
    void aCustomerOpensAndSeesOnlyItsOwnSessions() {
        LedgerApi self = LedgerApi.as(client, TestTokens.mint(customer, "payments:write:own payments:read:own"));
        String other = "cus_other_" + UUID.randomUUID();
        LedgerApi another = LedgerApi.as(client, TestTokens.mint(other, "payments:write:own payments:read:own"));
        long events = db.events();

        Answer forAnother = self.post("/api/checkout/sessions", body(1000, other), KEY, newIdempotencyKey());
        assertProblem(forAnother, 403, "forbidden");
        assertThat(db.events()).isEqualTo(events);

        Map<String, Object> own = new HashMap<>(body(1000));
        own.remove("customerId");
        Answer created = self.post("/api/checkout/sessions", own, KEY, newIdempotencyKey());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(payloadOf(created.json().get("paymentId").asString(), 0)
                        .get("customerId")
                        .asString())
                .isEqualTo(customer);

        assertThat(self.get("/api/checkout/sessions/" + id).status()).isEqualTo(200);
        assertProblem(another.get("/api/checkout/sessions/" + id), 404, "not_found");
        assertThat(LedgerApi.as(client, TestTokens.mint("shop", "payments:read"))
                        .get("/api/checkout/sessions/" + id)
                        .status())
                .isEqualTo(200);
        assertProblem(
                LedgerApi.as(client, TestTokens.mint("shop", "payments:read"))
                        .post("/api/checkout/sessions", body(1000), KEY, newIdempotencyKey()),
                403,
                "forbidden");
        assertProblem(
                LedgerApi.as(client, TestTokens.mint("analyst", "analytics:read"))
                        .get("/api/checkout/sessions/" + id),
                403,
                "forbidden");
        assertProblem(LedgerApi.anonymous(client).get("/api/checkout/sessions/" + id), 401, "unauthorized");
    }

    @Test
    void anExpiredSessionCancelsItsPaymentAndItsPageTakesNoCard() throws Exception {
        JsonNode session = open(1500);
        String id = session.get("id").asString();
        String paymentId = session.get("paymentId").asString();
        JsonNode paidSession = open(1600);
        assertThat(post(paidSession.get("url").asString(), "cardNumber=4242424242424242")
                        .statusCode())
                .isEqualTo(303);
        jdbc.sql("UPDATE checkout_session SET status = 'open' WHERE id = ?")
                .param(paidSession.get("id").asString())
                .update();
        makeDue(id, paidSession.get("id").asString());

        HttpResponse<String> late = post(session.get("url").asString(), "cardNumber=4242424242424242");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("expired");

        expiry.expireDue();

        assertThat(api.get("/api/checkout/sessions/" + id).json().get("status").asString())
                .isEqualTo("expired");
        List<LedgerDb.StoredEvent> events = db.eventsOf(paymentId);
        assertThat(events).extracting(LedgerDb.StoredEvent::type).containsExactly("PaymentCreated", "PaymentCanceled");
        assertThat(events.get(1).source()).isEqualTo("janitor");
        assertThat(payloadOf(paymentId, 1).get("reason").asString()).isEqualTo("checkout_session_expired");
        assertThat(api.get("/api/checkout/sessions/" + paidSession.get("id").asString())
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("complete");
        assertThat(db.eventsOf(paidSession.get("paymentId").asString()))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentSucceeded");
        assertThat(get(session.get("url").asString()).body()).contains("This payment was canceled.");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Map<String, Object> body(long amount) {
        return body(amount, customer);
    }

    private static Map<String, Object> body(long amount, String customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("currency", "usd");
        body.put("customerId", customerId);
        body.put("orderId", "order-7");
        body.put("description", "Two <b>books</b>");
        body.put("successUrl", SUCCESS);
        body.put("cancelUrl", CANCEL);
        return body;
    }

    private JsonNode open(long amount) {
        Answer created = api.post("/api/checkout/sessions", body(amount), KEY, newIdempotencyKey());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    private void makeDue(String... ids) {
        jdbc.sql("UPDATE checkout_session SET expires_at = now() - interval '1 second' WHERE id IN (:ids)")
                .param("ids", List.of(ids))
                .update();
    }

    private long sessions() {
        return jdbc.sql("SELECT count(*) FROM checkout_session")
                .query(Long.class)
                .single();
    }

    private long sessionsOf(String paymentId) {
        return jdbc.sql("SELECT count(*) FROM checkout_session WHERE payment_id = ?")
                .param(paymentId)
                .query(Long.class)
                .single();
    }

    private JsonNode payloadOf(String paymentId, int sequence) {
        return LedgerApi.JSON.readTree(jdbc.sql("SELECT payload::text FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?")
                .params(paymentId, sequence)
                .query(String.class)
                .single());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
