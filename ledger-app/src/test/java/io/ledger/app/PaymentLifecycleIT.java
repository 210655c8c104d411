package io.ledger.app;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newRequestId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerDb.StoredEvent;
import io.ledger.app.support.LedgerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Payments walked through every state over HTTP, on the assembled application and a real PostgreSQL. Besides each
 * answer, every request is checked against what the contract promises about all of them: its {@code X-Request-Id} is
 * echoed and becomes the correlation id of every event it caused (with source {@code api} and an actor), and a payment's
 * {@code version} is the number of events in its stream.
 *
 * <p>The command side has no GET yet. Where a test needs a payment's current state it confirms it again without a
 * method: for a payment that is captured, processing or canceled that is a no-op answering the current state
 * (contract, "Payments"), and the test checks that it recorded nothing.
 */
@LedgerIntegrationTest
class PaymentLifecycleIT {

    private static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    LedgerApi api;
    LedgerDb db;
    String customerId;

    /** The request id each event of each payment is expected to carry, by payment and sequence number. */
    final Map<String, List<String>> causes = new HashMap<>();

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customerId = "cus_" + UUID.randomUUID();
    }

    @Test
    void declinedThenRetriedWithAnotherMethodThenRefundedInTwoParts() {
        JsonNode created = create(Map.of(
                        "amount",
                        99_999_999,
                        "currency",
                        "USD",
                        "customerId",
                        customerId,
                        "orderId",
                        "ord_1001",
                        "description",
                        "Annual plan",
                        "metadata",
                        Map.of("plan", "annual", "seats", "12")))
                .json();
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("pending");
        assertThat(created.get("orderId").asString()).isEqualTo("ord_1001");
        assertThat(created.get("description").asString()).isEqualTo("Annual plan");
        assertThat(created.get("metadata").get("plan").asString()).isEqualTo("annual");
        assertThat(created.get("metadata").get("seats").asString()).isEqualTo("12");
        assertThat(created.get("provider").asString()).isEqualTo("simulated");
        assertThat(created.get("amountRefunded").asLong()).isZero();

        JsonNode declined = command(id, "/confirm", Map.of("paymentMethod", "pm_card_chargeDeclined"), 200);
        assertThat(declined.get("status").asString()).isEqualTo("failed");
        assertThat(declined.get("failure").get("code").asString()).isEqualTo("card_declined");
        assertThat(declined.get("failure").get("message").asString()).isNotBlank();

        JsonNode succeeded = command(id, "/confirm", Map.of("paymentMethod", "pm_card_visa"), 200);
        assertThat(succeeded.get("status").asString()).isEqualTo("succeeded");
        assertThat(succeeded.get("failure").isNull()).isTrue();
        assertThat(succeeded.has("clientSecret")).isFalse();

        JsonNode partial =
                command(id, "/refunds", Map.of("amount", 12_345_678, "reason", "requested_by_customer"), 201);
        assertThat(partial.get("id").asString()).startsWith("re_");
        assertThat(partial.get("paymentId").asString()).isEqualTo(id);
        assertExactAmount(partial.get("amount"), 12_345_678);
        assertThat(partial.get("currency").asString()).isEqualTo("usd");
        assertThat(partial.get("status").asString()).isEqualTo("succeeded");
        assertThat(partial.get("reason").asString()).isEqualTo("requested_by_customer");
        assertThat(partial.get("createdAt").asString()).matches(ISO_UTC);

        JsonNode partiallyRefunded = currentState(id);
        assertThat(partiallyRefunded.get("status").asString()).isEqualTo("partially_refunded");
        assertExactAmount(partiallyRefunded.get("amountRefunded"), 12_345_678);
        assertThat(partiallyRefunded.get("refunds")).hasSize(1);

        JsonNode rest = command(id, "/refunds", null, 201);
        assertExactAmount(rest.get("amount"), 99_999_999 - 12_345_678);
        assertThat(rest.get("id").asString()).isNotEqualTo(partial.get("id").asString());

        JsonNode refunded = currentState(id);
        assertThat(refunded.get("status").asString()).isEqualTo("refunded");
        assertExactAmount(refunded.get("amountRefunded"), 99_999_999);
        assertExactAmount(refunded.get("amount"), 99_999_999);
        assertThat(refunded.get("refunds")).hasSize(2);

        // Refunded is final: another refund is an illegal move, with or without an amount.
        assertProblem(
                api.post("/api/payments/" + id + "/refunds", Map.of("amount", 1)), 409, "invalid_state_transition");
        assertProblem(api.post("/api/payments/" + id + "/refunds", null), 409, "invalid_state_transition");

        assertThat(types(id))
                .containsExactly(
                        "PaymentCreated",
                        "PaymentFailed",
                        "PaymentSucceeded",
                        "RefundRequested",
                        "RefundSucceeded",
                        "RefundRequested",
                        "RefundSucceeded");
        assertEventsCarryTheirRequestIds(id);
    }

    @Test
    void authenticationRequiredThenConfirmedThenReconciled() {
        JsonNode created = create(Map.of(
                        "amount",
                        5000,
                        "currency",
                        "jpy",
                        "customerId",
                        customerId,
                        "paymentMethod",
                        "pm_card_authenticationRequired",
                        "confirm",
                        true))
                .json();
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("requires_action");
        assertThat(created.get("currency").asString()).isEqualTo("jpy");

        JsonNode succeeded = command(id, "/confirm", null, 200);
        assertThat(succeeded.get("status").asString()).isEqualTo("succeeded");
        assertThat(succeeded.get("reconciliation").get("status").asString()).isEqualTo("unreconciled");

        String settlementId = "st_" + UUID.randomUUID();
        Map<String, Object> settlement = Map.of(
                "settlementId", settlementId,
                "grossAmount", 5000,
                "fee", 180,
                "netAmount", 4820,
                "settledAt", "2026-11-20T06:00:00Z");
        JsonNode reconciled = command(id, "/reconcile", settlement, 200);
        JsonNode reconciliation = reconciled.get("reconciliation");
        assertThat(reconciliation.get("status").asString()).isEqualTo("matched");
        assertThat(reconciliation.get("settlementId").asString()).isEqualTo(settlementId);
        assertExactAmount(reconciliation.get("fee"), 180);
        assertExactAmount(reconciliation.get("netAmount"), 4820);
        assertThat(reconciliation.get("settledAt").asString()).isEqualTo("2026-11-20T06:00:00Z");
        assertThat(reconciled.get("status").asString()).isEqualTo("succeeded");

        JsonNode again = command(id, "/reconcile", settlement, 200);
        assertThat(again.get("version").asLong())
                .isEqualTo(reconciled.get("version").asLong());

        assertThat(types(id))
                .containsExactly("PaymentCreated", "PaymentActionRequired", "PaymentSucceeded", "PaymentReconciled");
        assertEventsCarryTheirRequestIds(id);
    }

    @Test
    void anAsynchronousChargeFailedMeanwhileNeverSucceedsOnItsOwn() throws InterruptedException {
        JsonNode created = create(Map.of(
                        "amount",
                        5000,
                        "currency",
                        "usd",
                        "customerId",
                        customerId,
                        "paymentMethod",
                        "pm_card_processing",
                        "confirm",
                        true))
                .json();
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("processing");

        JsonNode failed = command(id, "/fail", Map.of("code", "expired", "message", "The bank gave up."), 200);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(jdbc.sql("SELECT count(*) FROM simulated_async_charge WHERE payment_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("the simulated charge ended with the failure")
                .isZero();

        // Well past the simulated processing delay (0.5 s in tests) and several polls of its completion job.
        Thread.sleep(2_000);
        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentProcessingStarted", "PaymentFailed");
        assertThat(api.get("/api/payments/" + id, "minVersion", "3")
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("failed");
    }

    @Test
    void asynchronousMethodProcessesThenSucceedsOnItsOwn() {
        String createRequest = newRequestId();
        JsonNode created = create(
                        Map.of(
                                "amount",
                                1990,
                                "currency",
                                "KWD",
                                "customerId",
                                customerId,
                                "paymentMethod",
                                "pm_card_processing",
                                "confirm",
                                true),
                        createRequest)
                .json();
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("processing");
        assertThat(created.get("currency").asString()).isEqualTo("kwd");
        assertExactAmount(created.get("amount"), 1990);

        // Polled without the per-request event check: the completion may land between any two reads.
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.post("/api/payments/" + id + "/confirm", null)
                        .json()
                        .get("status")
                        .asString()
                        .equals("succeeded"));

        List<StoredEvent> events = db.eventsOf(id);
        assertThat(events)
                .extracting(StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentProcessingStarted", "PaymentSucceeded");
        assertThat(events.subList(0, 2))
                .allSatisfy(event -> assertThat(event.correlationId()).isEqualTo(createRequest))
                .allSatisfy(event -> assertThat(event.source()).isEqualTo("api"));
        // The simulated provider reports its own charge; no webhook was involved.
        StoredEvent completion = events.get(2);
        assertThat(completion.source()).isEqualTo("simulation");
        assertThat(completion.actor()).isEqualTo("simulated-provider");
        assertThat(completion.correlationId()).isNotBlank().isNotEqualTo(createRequest);

        JsonNode succeeded = api.post("/api/payments/" + id + "/confirm", null).json();
        assertThat(succeeded.get("status").asString()).isEqualTo("succeeded");
        assertThat(succeeded.get("version").asLong()).isEqualTo(3);
        assertThat(db.eventsOf(id)).hasSize(3);
    }

    @Test
    void canceledPaymentCannotBeConfirmed() {
        String id = create(Map.of("amount", 2000, "currency", "eur", "customerId", customerId))
                .json()
                .get("id")
                .asString();

        JsonNode canceled = command(id, "/cancel", Map.of("reason", "abandoned"), 200);
        assertThat(canceled.get("status").asString()).isEqualTo("canceled");

        Answer confirm = api.post(
                "/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"), "X-Request-Id", "r-1");
        assertProblem(confirm, 409, "invalid_state_transition");
        assertThat(confirm.header("X-Request-Id")).isEqualTo("r-1");

        JsonNode canceledAgain = command(id, "/cancel", null, 200);
        assertThat(canceledAgain.get("status").asString()).isEqualTo("canceled");
        assertThat(canceledAgain.get("version").asLong()).isEqualTo(2);

        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentCanceled");
        assertEventsCarryTheirRequestIds(id);
    }

    @Test
    void insufficientFundsFailsThePaymentWithoutFailingTheRequest() {
        Answer answer = create(Map.of(
                "amount",
                3000,
                "currency",
                "gbp",
                "customerId",
                customerId,
                "paymentMethod",
                "pm_card_insufficientFunds",
                "confirm",
                true));
        JsonNode payment = answer.json();
        String id = payment.get("id").asString();
        assertThat(payment.get("status").asString()).isEqualTo("failed");
        assertThat(payment.get("failure").get("code").asString()).isEqualTo("insufficient_funds");

        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentFailed");
        assertEventsCarryTheirRequestIds(id);
    }

    @Test
    void settlementForAnotherAmountIsAMismatchThatALaterCorrectOneResolves() {
        String id = create(Map.of(
                        "amount",
                        4000,
                        "currency",
                        "usd",
                        "customerId",
                        customerId,
                        "paymentMethod",
                        "pm_card_visa",
                        "confirm",
                        true))
                .json()
                .get("id")
                .asString();

        JsonNode mismatched = command(
                id,
                "/reconcile",
                Map.of(
                        "settlementId", "st_short",
                        "grossAmount", 3900,
                        "fee", 117,
                        "netAmount", 3783,
                        "settledAt", "2026-11-21T00:00:00Z"),
                200);
        assertThat(mismatched.get("status").asString()).isEqualTo("succeeded");
        assertThat(mismatched.get("reconciliation").get("status").asString()).isEqualTo("mismatched");
        assertThat(mismatched.get("reconciliation").get("settlementId").asString())
                .isEqualTo("st_short");

        JsonNode matched = command(
                id,
                "/reconcile",
                Map.of(
                        "settlementId", "st_full",
                        "grossAmount", 4000,
                        "fee", 120,
                        "netAmount", 3880,
                        "settledAt", "2026-11-22T00:00:00Z"),
                200);
        assertThat(matched.get("reconciliation").get("status").asString()).isEqualTo("matched");
        assertExactAmount(matched.get("reconciliation").get("netAmount"), 3880);

        assertThat(types(id))
                .containsExactly(
                        "PaymentCreated", "PaymentSucceeded", "PaymentReconciliationMismatched", "PaymentReconciled");
        assertEventsCarryTheirRequestIds(id);
    }

    @Test
    void requestWithoutUsableRequestIdGetsOneThatCorrelatesItsEvents() {
        Map<String, Object> body = Map.of(
                "amount",
                1500,
                "currency",
                "usd",
                "customerId",
                customerId,
                "paymentMethod",
                "pm_card_visa",
                "confirm",
                true);
        Answer unnamed = api.post("/api/payments", body);
        String tooLong = "x".repeat(201);
        Answer insane = api.post("/api/payments", body, "X-Request-Id", tooLong);
        // Any visible characters and spaces are a client's own id, echoed and recorded as given.
        String punctuated = "req 1/2+3@shop:#" + UUID.randomUUID();
        Answer echoed = api.post("/api/payments", body, "X-Request-Id", punctuated);
        assertThat(echoed.header("X-Request-Id")).isEqualTo(punctuated);
        assertThat(db.eventsOf(echoed.json().get("id").asString()))
                .allSatisfy(event -> assertThat(event.correlationId()).isEqualTo(punctuated));

        for (Answer answer : List.of(unnamed, insane)) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(201);
            String requestId = answer.header("X-Request-Id");
            assertThat(requestId).isNotBlank().isNotEqualTo(tooLong);
            assertThat(db.eventsOf(answer.json().get("id").asString()))
                    .hasSize(2)
                    .allSatisfy(event -> assertThat(event.correlationId()).isEqualTo(requestId));
        }
        assertThat(unnamed.header("X-Request-Id")).isNotEqualTo(insane.header("X-Request-Id"));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /**
     * A new payment's answer is folded from the events its command stored, not read back: it must be the payment its
     * stored events tell, field for field, with an Idempotency-Key (the answer stored with the events) or without.
     */
    @Test
    void aNewPaymentsAnswerIsThePaymentItsStoredEventsTell() {
        for (String method : List.of("pm_card_visa", "pm_card_processing")) {
            for (boolean keyed : List.of(true, false)) {
                Map<String, Object> body = Map.of(
                        "amount",
                        4_250,
                        "currency",
                        "eur",
                        "customerId",
                        customerId,
                        "metadata",
                        Map.of("basket", "b-17"),
                        "confirm",
                        true,
                        "paymentMethod",
                        method);
                String requestId = newRequestId();
                Answer answer = keyed
                        ? api.post(
                                "/api/payments",
                                body,
                                "X-Request-Id",
                                requestId,
                                "Idempotency-Key",
                                "answer-" + UUID.randomUUID())
                        : api.post("/api/payments", body, "X-Request-Id", requestId);
                assertThat(answer.status()).as("%s", answer).isEqualTo(201);
                JsonNode created = answer.json();
                String id = created.get("id").asString();
                recordCause(id, 0, requestId, answer);

                JsonNode stored = currentState(id);

                assertThat(((tools.jackson.databind.node.ObjectNode) created.deepCopy()).without("clientSecret"))
                        .as("%s, %s", method, keyed ? "with a key" : "without a key")
                        .isEqualTo(stored);
                assertThat(created.get("version").asLong())
                        .isEqualTo(db.eventsOf(id).size());
            }
        }
    }

    private Answer create(Map<String, Object> body) {
        return create(body, newRequestId());
    }

    /** Creates a payment and checks what only the create answer has: 201, Location and the client secret. */
    private Answer create(Map<String, Object> body, String requestId) {
        Answer answer = api.post("/api/payments", body, "X-Request-Id", requestId);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        JsonNode payment = answer.json();
        String id = payment.get("id").asString();
        assertThat(id).startsWith("pay_");
        assertThat(answer.header("Location")).isEqualTo("/api/payments/" + id);
        String clientSecret = payment.get("clientSecret").asString();
        assertThat(clientSecret).isNotBlank();
        assertThat(db.eventsMentioning(clientSecret))
                .as("client secret stored in an event")
                .isZero();
        assertThat(payment.get("customerId").asString()).isEqualTo(customerId);
        assertExactAmount(payment.get("amount"), ((Number) body.get("amount")).longValue());
        assertThat(payment.get("currency").asString())
                .isEqualTo(body.get("currency").toString().toLowerCase());
        assertThat(payment.get("createdAt").asString()).matches(ISO_UTC);
        assertThat(payment.get("updatedAt").asString()).matches(ISO_UTC);
        recordCause(id, 0, requestId, answer);
        return answer;
    }

    /** POSTs {@code /api/payments/{id}{path}} and returns its JSON, checking status and the request's events. */
    private JsonNode command(String id, String path, Object body, int expectedStatus) {
        int before = db.eventsOf(id).size();
        String requestId = newRequestId();
        Answer answer = api.post("/api/payments/" + id + path, body, "X-Request-Id", requestId);
        assertThat(answer.status()).as("%s", answer).isEqualTo(expectedStatus);
        assertThat(answer.contentType()).isNotNull();
        assertThat(answer.contentType().isCompatibleWith(MediaType.APPLICATION_JSON))
                .isTrue();
        recordCause(id, before, requestId, answer);
        JsonNode json = answer.json();
        assertThat(json.has("clientSecret"))
                .as("clientSecret outside the create answer")
                .isFalse();
        return json;
    }

    /** A no-op confirm, to read the payment; asserts it recorded nothing. */
    private JsonNode currentState(String id) {
        int before = db.eventsOf(id).size();
        JsonNode payment = command(id, "/confirm", null, 200);
        assertThat(db.eventsOf(id)).hasSize(before);
        return payment;
    }

    /** The events the request added are attributed to it; a payment answer's version counts the whole stream. */
    private void recordCause(String id, int before, String requestId, Answer answer) {
        assertThat(answer.header("X-Request-Id")).isEqualTo(requestId);
        List<StoredEvent> events = db.eventsOf(id);
        List<String> expected = causes.computeIfAbsent(id, ignored -> new ArrayList<>());
        assertThat(expected).hasSize(before);
        for (int i = before; i < events.size(); i++) {
            expected.add(requestId);
        }
        JsonNode json = answer.json();
        if (json.has("version")) {
            assertThat(json.get("version").asLong()).as("version of %s", id).isEqualTo(events.size());
            assertThat(json.get("version").isIntegralNumber()).isTrue();
        }
    }

    /** Each event of the stream carries the id of the request that caused it, in order. */
    private void assertEventsCarryTheirRequestIds(String id) {
        List<StoredEvent> events = db.eventsOf(id);
        List<String> requestIds = causes.get(id);
        assertThat(events).hasSameSizeAs(requestIds);
        for (int i = 0; i < events.size(); i++) {
            StoredEvent event = events.get(i);
            assertThat(event.sequence()).isEqualTo(i);
            assertThat(event.correlationId()).as("correlation id of %s", event).isEqualTo(requestIds.get(i));
            assertThat(event.source()).isEqualTo("api");
            assertThat(event.actor()).isNotBlank();
            assertThat(event.causationId()).isNotBlank();
        }
    }

    private List<String> types(String id) {
        return db.eventsOf(id).stream().map(StoredEvent::type).toList();
    }

    private static void assertExactAmount(JsonNode amount, long expected) {
        assertThat(amount.isIntegralNumber()).as("%s is an integer", amount).isTrue();
        assertThat(amount.asString()).isEqualTo(Long.toString(expected));
    }
}
