package io.ledger.app.customer;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static io.ledger.app.support.LedgerApi.newRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.customer.CustomerKey;
import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerDb.StoredEvent;
import io.ledger.app.support.LedgerIntegrationTest;
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
 * Customers and their saved payment methods over HTTP on real PostgreSQL, with the simulated provider: made at the
 * first PUT, the test cards saved with brand, last four digits and expiry, the default first, an expired card said to
 * be, a payment confirmed without a method charged with the default, the {@code customers:own} caller confined to its
 * own record (another's is 404), and every refused request leaving nothing behind.
 */
@LedgerIntegrationTest
class CustomersIT {

    private static final String KEY = "Idempotency-Key";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    LedgerApi api;
    LedgerDb db;
    String customer;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customer = "cust-it-" + UUID.randomUUID();
    }

    @Test
    void aCustomerIsMadeAtItsFirstPutAndAPutThatChangesNothingRecordsNothing() {
        String requestId = newRequestId();
        Answer made =
                api.put(path(), Map.of("email", "jenny@example.com", "name", "Jenny Rosen"), "X-Request-Id", requestId);

        assertThat(made.status()).as("%s", made).isEqualTo(200);
        JsonNode created = made.json();
        assertThat(created.get("id").asString()).isEqualTo(customer);
        assertThat(created.get("email").asString()).isEqualTo("jenny@example.com");
        assertThat(created.get("name").asString()).isEqualTo("Jenny Rosen");
        assertThat(created.get("defaultPaymentMethod").isNull()).isTrue();
        assertThat(created.get("providerCustomerId").asString())
                .isEqualTo("sim_" + CustomerKey.of(customer).value());
        assertThat(created.get("createdAt").asString())
                .isEqualTo(created.get("updatedAt").asString());
        assertThat(fieldNames(created))
                .containsExactlyInAnyOrder(
                        "id", "email", "name", "defaultPaymentMethod", "providerCustomerId", "createdAt", "updatedAt");
        List<StoredEvent> events = events();
        assertThat(events).extracting(StoredEvent::type).containsExactly("CustomerRegistered");
        assertThat(events.get(0).correlationId()).isEqualTo(requestId);
        assertThat(events.get(0).source()).isEqualTo("api");
        assertThat(events.get(0).actor()).isEqualTo(TestTokens.ADMIN_SUBJECT);

        Answer read = api.get(path());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);

        Answer again = api.put(path(), Map.of("email", "jenny@example.com", "name", "Jenny Rosen"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(created);
        assertThat(events()).hasSize(1);

        Answer changed = api.put(path(), Map.of("email", "jenny@example.org"));
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().get("email").asString()).isEqualTo("jenny@example.org");
        assertThat(changed.json().get("name").isNull())
                .as("a PUT replaces: no name")
                .isTrue();
        assertThat(Instant.parse(changed.json().get("updatedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(created.get("updatedAt").asString()));
        assertThat(events()).extracting(StoredEvent::type).containsExactly("CustomerRegistered", "CustomerUpdated");
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        assertProblem(api.get(path()), 404, "not_found");
        assertProblem(api.get(path() + "/payment-methods"), 404, "not_found");
        assertProblem(api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_visa")), 404, "not_found");
        assertProblem(api.delete(path() + "/payment-methods/pm_card_visa"), 404, "not_found");
        assertThat(events()).isEmpty();
    }

    @Test
    void savedMethodsShowTheirCardsTheDefaultFirstAndExpiredCardsSayTheyAre() {
        register();

        Answer visa = api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_visa"));
        assertThat(visa.status()).as("%s", visa).isEqualTo(201);
        JsonNode saved = visa.json();
        assertThat(saved.get("id").asString()).isEqualTo("pm_card_visa");
        assertThat(saved.get("type").asString()).isEqualTo("card");
        assertThat(saved.at("/card/brand").asString()).isEqualTo("visa");
        assertThat(saved.at("/card/last4").asString()).isEqualTo("4242");
        assertThat(saved.at("/card/expMonth").asInt()).isEqualTo(12);
        assertThat(saved.at("/card/expYear").asInt()).isEqualTo(2034);
        assertThat(saved.get("default").asBoolean())
                .as("the first saved method")
                .isTrue();
        assertThat(saved.get("expired").asBoolean()).isFalse();
        assertThat(fieldNames(saved))
                .containsExactlyInAnyOrder("id", "type", "card", "default", "expired", "createdAt");

        Answer mastercard =
                api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_mastercard", "default", false));
        assertThat(mastercard.status()).isEqualTo(201);
        assertThat(mastercard.json().get("default").asBoolean()).isFalse();
        Answer expired = api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_expired"));
        assertThat(expired.status()).isEqualTo(201);
        assertThat(expired.json().get("expired").asBoolean()).isTrue();
        assertThat(expired.json().get("default").asBoolean())
                .as("a default exists")
                .isFalse();

        JsonNode list = api.get(path() + "/payment-methods").json();
        assertThat(list.get("data").valueStream().map(m -> m.get("id").asString()))
                .containsExactly("pm_card_visa", "pm_card_expired", "pm_card_mastercard");
        assertThat(list.get("hasMore").asBoolean()).isFalse();
        assertThat(list.get("data").get(1).get("expired").asBoolean()).isTrue();

        Answer amex = api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_amex", "default", true));
        assertThat(amex.json().get("default").asBoolean()).isTrue();
        assertThat(amex.json().at("/card/brand").asString()).isEqualTo("amex");
        JsonNode after = api.get(path() + "/payment-methods").json().get("data");
        assertThat(after.get(0).get("id").asString()).isEqualTo("pm_card_amex");
        assertThat(after.valueStream().filter(m -> m.get("default").asBoolean()))
                .hasSize(1);
        assertThat(api.get(path()).json().get("defaultPaymentMethod").asString())
                .isEqualTo("pm_card_amex");
        assertThat(events())
                .extracting(StoredEvent::type)
                .containsExactly(
                        "CustomerRegistered",
                        "PaymentMethodAttached",
                        "DefaultPaymentMethodSet",
                        "PaymentMethodAttached",
                        "PaymentMethodAttached",
                        "PaymentMethodAttached",
                        "DefaultPaymentMethodSet");
    }

    @Test
    void aPaymentConfirmedWithoutAMethodChargesTheCustomersDefault() {
        register();
        api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_mastercard"));

        Answer paid = api.post("/api/payments", payment(), KEY, newIdempotencyKey());

        assertThat(paid.status()).as("%s", paid).isEqualTo(201);
        assertThat(paid.json().get("status").asString()).isEqualTo("succeeded");
        String id = paid.json().get("id").asString();
        assertThat(db.eventsOf(id)).extracting(StoredEvent::type).containsExactly("PaymentCreated", "PaymentSucceeded");
        assertThat(jdbc.sql("SELECT payload->>'paymentMethod' FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND payload_type LIKE '%.PaymentSucceeded'")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("pm_card_mastercard");

        api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_expired", "default", true));
        Answer declined = api.post("/api/payments", payment());
        assertThat(declined.status()).as("%s", declined).isEqualTo(201);
        assertThat(declined.json().get("status").asString()).isEqualTo("failed");
        assertThat(declined.json().at("/failure/code").asString()).isEqualTo("expired_card");
    }

    @Test
    void aPendingPaymentConfirmedLaterWithoutAMethodChargesTheCustomersDefaultAndWithoutOneIsRefused() {
        Map<String, Object> pending = payment();
        pending.put("confirm", false);
        String early = api.post("/api/payments", pending).json().get("id").asString();
        Answer refused = api.post("/api/payments/" + early + "/confirm", Map.of(), KEY, newIdempotencyKey());
        assertProblem(refused, 400, "validation_failed");
        assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("paymentMethod");
        assertThat(db.eventsOf(early)).extracting(StoredEvent::type).containsExactly("PaymentCreated");

        register();
        api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_amex"));
        Answer paid = api.post("/api/payments/" + early + "/confirm", Map.of(), KEY, newIdempotencyKey());

        assertThat(paid.status()).as("%s", paid).isEqualTo(200);
        assertThat(paid.json().get("status").asString()).isEqualTo("succeeded");
        assertThat(jdbc.sql("SELECT payload->>'paymentMethod' FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND payload_type LIKE '%.PaymentSucceeded'")
                        .param(early)
                        .query(String.class)
                        .single())
                .isEqualTo("pm_card_amex");

        // A method the payment was given at creation is still the one charged, whatever the default.
        pending.put("paymentMethod", "pm_card_chargeDeclined");
        String named = api.post("/api/payments", pending).json().get("id").asString();
        Answer declined = api.post("/api/payments/" + named + "/confirm", Map.of());
        assertThat(declined.json().get("status").asString()).isEqualTo("failed");
    }

    @Test
    void aPaymentConfirmedWithoutAMethodForACustomerWithoutADefaultIsRefusedAndNothingIsStored() {
        String key = newIdempotencyKey();
        Answer unknown = api.post("/api/payments", payment(), KEY, key);
        assertProblem(unknown, 400, "validation_failed");
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("paymentMethod");

        register();
        api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_visa", "default", false));
        Answer noDefault = api.post("/api/payments", payment(), KEY, newIdempotencyKey());
        assertProblem(noDefault, 400, "validation_failed");
        assertThat(noDefault.json().at("/errors/0/field").asString()).isEqualTo("paymentMethod");

        assertThat(db.paymentsOfCustomer(customer)).isEmpty();
        assertThat(db.idempotencyRows(key)).isZero();
    }

    @Test
    void deletingAMethodDetachesItAndTheDefaultWithItAndDeletingAgainChangesNothing() {
        register();
        api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_visa"));
        api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_mastercard"));

        Answer deleted = api.delete(path() + "/payment-methods/pm_card_visa");

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(deleted.json().get("id").asString()).isEqualTo("pm_card_visa");
        assertThat(deleted.json().get("default").asBoolean()).isFalse();
        assertThat(api.get(path()).json().get("defaultPaymentMethod").isNull()).isTrue();
        assertThat(api.get(path() + "/payment-methods")
                        .json()
                        .get("data")
                        .valueStream()
                        .map(m -> m.get("id").asString()))
                .containsExactly("pm_card_mastercard");
        int stored = events().size();

        Answer again = api.delete(path() + "/payment-methods/pm_card_visa");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(deleted.json());
        assertThat(events()).hasSize(stored);
        assertProblem(api.delete(path() + "/payment-methods/pm_card_amex"), 404, "not_found");
        assertThat(events()).hasSize(stored);
        assertThat(events().get(stored - 1).type()).isEqualTo("PaymentMethodDetached");
    }

    @Test
    void aSavedMethodRepeatedWithTheSameIdempotencyKeyIsAnsweredAgainAndSavedOnce() {
        register();
        String key = newIdempotencyKey();
        Answer first = api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_visa"), KEY, key);
        Answer second = api.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_visa"), KEY, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(events())
                .extracting(StoredEvent::type)
                .containsExactly("CustomerRegistered", "PaymentMethodAttached", "DefaultPaymentMethodSet");
    }

    @Test
    void aCustomerWithCustomersOwnManagesItselfAloneAndAnotherIsNotFound() {
        String other = customer + "-other";
        api.put("/api/customers/" + other, Map.of("email", "other@example.com"));
        long othersEvents = db.eventsOf(CustomerKey.of(other).value()).size();
        LedgerApi own = LedgerApi.as(client, TestTokens.mint(customer, "customers:own"));

        Answer mine = own.put(path(), Map.of("email", "me@example.com"));
        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        assertThat(events().get(0).actor()).isEqualTo(customer);
        assertThat(own.post(path() + "/payment-methods", Map.of("paymentMethod", "pm_card_visa"))
                        .status())
                .isEqualTo(201);
        assertThat(own.get(path() + "/payment-methods").status()).isEqualTo(200);

        String others = "/api/customers/" + other;
        assertProblem(own.get(others), 404, "not_found");
        assertProblem(own.get(others + "/payment-methods"), 404, "not_found");
        assertProblem(own.put(others, Map.of("email", "taken@example.com")), 404, "not_found");
        assertProblem(own.post(others + "/payment-methods", Map.of("paymentMethod", "pm_card_visa")), 404, "not_found");
        assertProblem(own.delete(others + "/payment-methods/pm_card_visa"), 404, "not_found");
        assertProblem(own.get("/api/customers/" + customer + "-never"), 404, "not_found");
        assertThat(db.eventsOf(CustomerKey.of(other).value())).hasSize((int) othersEvents);

        LedgerApi shop = LedgerApi.as(client, TestTokens.mint("shop", "payments:write payments:read"));
        assertProblem(shop.get(path()), 403, "forbidden");
        LedgerApi support = LedgerApi.as(client, TestTokens.mint("support", "customers"));
        assertThat(support.get(others).status()).isEqualTo(200);
    }

    @Test
    void everyBadFieldIsA400NamingItAndNothingIsStored() {
        assertInvalid(api.put(path(), Map.of("email", "not-an-email")), "email");
        assertInvalid(api.put(path(), Map.of("email", "a@" + "b".repeat(510) + ".c")), "email");
        assertInvalid(api.put(path(), Map.of("name", "")), "name");
        assertInvalid(api.put(path(), Map.of("name", "n".repeat(257))), "name");
        assertInvalid(api.put("/api/customers/" + "c".repeat(256), Map.of("email", "a@example.com")), "customerId");
        assertProblem(api.put(path(), Map.of("email", "a@example.com", "phone", "+1")), 400, "validation_failed");
        assertThat(events()).isEmpty();

        register();
        int stored = events().size();
        String methods = path() + "/payment-methods";
        String key = newIdempotencyKey();
        assertInvalid(api.post(methods, Map.of("paymentMethod", "4242424242424242"), KEY, key), "paymentMethod");
        assertInvalid(api.post(methods, Map.of("paymentMethod", "pm_card_nonsense")), "paymentMethod");
        assertInvalid(api.post(methods, Map.of()), "paymentMethod");
        assertProblem(
                api.post(methods, "{\"paymentMethod\": \"pm_card_visa\", \"default\": \"yes\"}"),
                400,
                "validation_failed");
        assertProblem(
                api.post(methods, Map.of("paymentMethod", "pm_card_visa", "makeDefault", true)),
                400,
                "validation_failed");
        assertThat(events()).hasSize(stored);
        assertThat(db.idempotencyRows(key)).isZero();
    }

    private void assertInvalid(Answer answer, String field) {
        assertProblem(answer, 400, "validation_failed");
        assertThat(answer.json()
                        .get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString()))
                .as("%s", answer)
                .contains(field);
    }

    private void register() {
        Answer made = api.put(path(), Map.of("email", "jenny@example.com", "name", "Jenny Rosen"));
        assertThat(made.status()).as("%s", made).isEqualTo(200);
    }

    private Map<String, Object> payment() {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", 2500);
        body.put("currency", "usd");
        body.put("customerId", customer);
        body.put("confirm", true);
        return body;
    }

    private String path() {
        return "/api/customers/" + customer;
    }

    private List<StoredEvent> events() {
        return db.eventsOf(CustomerKey.of(customer).value());
    }

    private static List<String> fieldNames(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}
