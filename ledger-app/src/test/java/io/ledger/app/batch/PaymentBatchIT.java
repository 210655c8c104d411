package io.ledger.app.batch;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/payments/batch} over HTTP: items on their own or all or none, their keys, the batch's key. */
@LedgerIntegrationTest
class PaymentBatchIT {

    private static final String BATCH = "/api/payments/batch";

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
        customer = "cus_batch_" + UUID.randomUUID();
    }

    @Test
    void eachItemIsAnsweredOnItsOwnInRequestOrder() {
        Answer answer = api.post(
                BATCH,
                Map.of(
                        "payments",
                        List.of(
                                charge(1500, "pm_card_visa"),
                                Map.of("amount", -5, "currency", "usd", "customerId", customer),
                                charge(2500, "pm_card_chargeDeclined"),
                                Map.of("amount", "a lot", "currency", "usd", "customerId", customer),
                                Map.of("amount", 100, "currency", "usd", "customerId", customer, "colour", "red"),
                                charge(3500, "pm_card_bogus"),
                                create(4500))));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode data = answer.json().get("data");
        assertThat(data).hasSize(7);
        IntStream.range(0, 7)
                .forEach(i -> assertThat(data.get(i).get("index").asInt()).isEqualTo(i));

        assertCreated(data.get(0), "succeeded", 1500);
        assertRefused(data.get(1), 400, "validation_failed", "payments[1].amount");
        assertCreated(data.get(2), "failed", 2500); // a decline is an answer, not an error
        assertRefused(data.get(3), 400, "validation_failed", "payments[3].amount");
        assertRefused(data.get(4), 400, "validation_failed", "payments[4].colour");
        assertRefused(data.get(5), 400, "validation_failed", "payments[5].paymentMethod");
        assertCreated(data.get(6), "pending", 4500);

        // The item that failed while being charged was rolled back to its savepoint alone: three payments, no fourth.
        assertThat(db.paymentsOfCustomer(customer))
                .containsExactlyInAnyOrder(id(data.get(0)), id(data.get(2)), id(data.get(6)));
        assertThat(db.eventsOf(id(data.get(0))))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentSucceeded");
        assertThat(api.get("/api/payments/" + id(data.get(6))).status()).isIn(200, 404); // read model may lag
    }

    @Test
    void anAtomicBatchIsCreatedWhole() {
        Answer answer = api.post(
                BATCH, Map.of("atomic", true, "payments", List.of(charge(1100, "pm_card_visa"), create(1200))));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode data = answer.json().get("data");
        assertCreated(data.get(0), "succeeded", 1100);
        assertCreated(data.get(1), "pending", 1200);
        assertThat(db.paymentsOfCustomer(customer)).containsExactlyInAnyOrder(id(data.get(0)), id(data.get(1)));
    }

    @Test
    void anAtomicBatchWithAnInvalidItemNamesItsFieldsAndStoresNothing() {
        long events = db.events();
        Answer answer = api.post(
                BATCH,
                Map.of(
                        "atomic",
                        true,
                        "payments",
                        List.of(
                                create(1000),
                                Map.of("amount", 1000, "currency", "", "customerId", customer),
                                Map.of("amount", 0, "currency", "usd", "customerId", customer))));

        assertProblem(answer, 400, "validation_failed");
        assertThat(fields(answer.json()))
                .contains("payments[1].currency", "payments[2].amount")
                .allMatch(field -> field.startsWith("payments[1].") || field.startsWith("payments[2]."));
        assertThat(db.paymentsOfCustomer(customer)).isEmpty();
        assertThat(db.events()).isEqualTo(events);
    }

    @Test
    void anAtomicBatchWhoseItemFailsWhileChargedRollsBackTheItemsBeforeIt() {
        Answer answer = api.post(
                BATCH,
                Map.of(
                        "atomic",
                        true,
                        "payments",
                        List.of(charge(1000, "pm_card_visa"), create(2000), charge(3000, "pm_card_bogus"))));

        assertProblem(answer, 400, "validation_failed");
        assertThat(fields(answer.json())).containsExactly("payments[2].paymentMethod");
        assertThat(db.paymentsOfCustomer(customer))
                .as("the first two items were rolled back")
                .isEmpty();
    }

    @Test
    void anItemsKeyMakesItsPaymentOnceAcrossBatchesAndSingleCreates() {
        String key = newIdempotencyKey();
        Map<String, Object> item = new HashMap<>(charge(1700, "pm_card_visa"));
        item.put("idempotencyKey", key);

        Answer first = api.post(BATCH, Map.of("payments", List.of(item)));
        Answer again = api.post(BATCH, Map.of("payments", List.of(item)));
        Answer single = api.post("/api/payments", charge(1700, "pm_card_visa"), "Idempotency-Key", key);

        String id = id(first.json().get("data").get(0));
        assertThat(id(again.json().get("data").get(0))).isEqualTo(id);
        assertThat(single.status()).as("%s", single).isEqualTo(201);
        assertThat(single.json().get("id").asString()).isEqualTo(id);
        assertThat(db.paymentsOfCustomer(customer)).containsExactly(id);
        assertThat(db.eventsOf(id)).hasSize(2);

        Map<String, Object> changed = new HashMap<>(item);
        changed.put("amount", 1800);
        JsonNode reused = api.post(BATCH, Map.of("payments", List.of(changed)))
                .json()
                .get("data")
                .get(0);
        assertRefused(reused, 400, "idempotency_key_reuse", null);
    }

    @Test
    void theBatchsKeyReplaysItsAnswerAndMakesTheSamePayments() {
        String key = newIdempotencyKey();
        Map<String, Object> body = Map.of("payments", List.of(create(1000), charge(2000, "pm_card_visa")));

        Answer first = api.post(BATCH, body, "Idempotency-Key", key);
        Answer replayed = api.post(BATCH, body, "Idempotency-Key", key);

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json()).isEqualTo(first.json());
        assertThat(db.paymentsOfCustomer(customer)).hasSize(2);
        assertThat(db.idempotencyRows(key)).isEqualTo(1);
    }

    @Test
    void aBatchHoldsOneToAHundredItems() {
        List<Object> tooMany = new ArrayList<>();
        IntStream.range(0, 101).forEach(i -> tooMany.add(create(100 + i)));

        for (Object body :
                List.of(Map.of("payments", List.of()), Map.of("payments", tooMany), Map.of("atomic", true))) {
            Answer answer = api.post(BATCH, body);
            assertProblem(answer, 400, "validation_failed");
            assertThat(fields(answer.json())).containsExactly("payments");
        }
        assertThat(db.paymentsOfCustomer(customer)).isEmpty();
    }

    @Test
    void aHundredItemsAreCreated() {
        List<Object> hundred = new ArrayList<>();
        IntStream.range(0, 100).forEach(i -> hundred.add(charge(1000 + i, "pm_card_visa")));

        Answer answer = api.post(BATCH, Map.of("payments", hundred));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode data = answer.json().get("data");
        IntStream.range(0, 100).forEach(i -> assertCreated(data.get(i), "succeeded", 1000 + i));
        assertThat(db.paymentsOfCustomer(customer)).hasSize(100);
    }

    @Test
    void aCustomerBatchesOnlyItsOwnPayments() {
        LedgerApi own = LedgerApi.as(client, TestTokens.mint(customer, "payments:write:own"));
        Answer answer = own.post(
                BATCH,
                Map.of(
                        "payments",
                        List.of(
                                Map.of("amount", 900, "currency", "usd"),
                                Map.of("amount", 900, "currency", "usd", "customerId", "cus_someone_else"))));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode data = answer.json().get("data");
        assertCreated(data.get(0), "pending", 900);
        assertRefused(data.get(1), 403, "forbidden", null);
        assertThat(db.paymentsOfCustomer("cus_someone_else")).isEmpty();

        assertProblem(
                LedgerApi.as(client, TestTokens.mint(customer, "payments:read"))
                        .post(BATCH, Map.of("payments", List.of(create(100)))),
                403,
                "forbidden");
    }

    private Map<String, Object> create(long amount) {
        return Map.of("amount", amount, "currency", "usd", "customerId", customer, "orderId", "order-" + amount);
    }

    private Map<String, Object> charge(long amount, String method) {
        return Map.of(
                "amount", amount, "currency", "usd", "customerId", customer, "paymentMethod", method, "confirm", true);
    }

    private static String id(JsonNode item) {
        return item.get("payment").get("id").asString();
    }

    private void assertCreated(JsonNode item, String status, long amount) {
        assertThat(item.get("status").asInt()).as("%s", item).isEqualTo(201);
        assertThat(item.has("problem")).isFalse();
        JsonNode payment = item.get("payment");
        assertThat(payment.get("status").asString()).isEqualTo(status);
        assertThat(payment.get("amount").asLong()).isEqualTo(amount);
        assertThat(payment.get("customerId").asString()).isEqualTo(customer);
        assertThat(payment.get("clientSecret").asString()).isNotBlank();
    }

    private static void assertRefused(JsonNode item, int status, String code, String field) {
        assertThat(item.get("status").asInt()).as("%s", item).isEqualTo(status);
        assertThat(item.has("payment")).isFalse();
        JsonNode problem = item.get("problem");
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(fields(problem)).contains(field);
        }
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }
}
