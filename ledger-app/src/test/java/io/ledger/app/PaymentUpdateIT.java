package io.ledger.app;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code PATCH} and {@code DELETE /api/payments/{id}} over HTTP on the assembled application and a real PostgreSQL:
 * each field patched and seen in the read model, the audit log's {@code PaymentUpdated} holding exactly what changed,
 * Stripe's metadata merge, the amount only while pending, every bad field a 400 naming it with nothing stored; archiving
 * as cancel-then-archive, archived payments out of the list, the export and the feed unless asked for, 409 for a
 * captured payment, and the scopes each call needs.
 */
@LedgerIntegrationTest
class PaymentUpdateIT {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    LedgerApi api;
    LedgerDb db;
    String customer;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customer = "cus_update_" + UUID.randomUUID();
    }

    // --- PATCH ----------------------------------------------------------------------------------------------------

    @Test
    void eachPatchedFieldIsAnsweredReadBackAndRecordedFromItsOldValueToItsNewOne() {
        JsonNode created = create(Map.of(
                "amount",
                1999,
                "currency",
                "usd",
                "customerId",
                customer,
                "orderId",
                "order-1",
                "description",
                "Two books",
                "metadata",
                Map.of("channel", "web", "colour", "red")));
        String id = created.get("id").asString();

        JsonNode described = patch(id, Map.of("description", "Three books"));
        assertThat(described.get("description").asString()).isEqualTo("Three books");
        assertThat(described.get("version").asLong()).isEqualTo(2);
        assertThat(read(described).get("description").asString()).isEqualTo("Three books");

        JsonNode ordered = patch(id, Map.of("orderId", "order-2"));
        assertThat(read(ordered).get("orderId").asString()).isEqualTo("order-2");

        JsonNode merged = patch(id, Map.of("metadata", Map.of("gift", "yes", "colour", "blue", "channel", "")));
        assertThat(merged.get("metadata"))
                .isEqualTo(LedgerApi.JSON.valueToTree(Map.of("gift", "yes", "colour", "blue")));
        assertThat(read(merged).get("metadata")).isEqualTo(merged.get("metadata"));

        JsonNode repriced = patch(id, Map.of("amount", 2500));
        assertThat(repriced.get("amount").asLong()).isEqualTo(2500);
        assertThat(repriced.get("currency").asString()).isEqualTo("usd");
        assertThat(repriced.get("status").asString()).isEqualTo("pending");
        assertThat(read(repriced)).isEqualTo(repriced);

        JsonNode cleared = patch(id, Map.of("description", "", "orderId", ""));
        assertThat(read(cleared).get("description").isNull()).isTrue();
        assertThat(read(cleared).get("orderId").isNull()).isTrue();

        List<JsonNode> events = auditEvents(id);
        assertThat(events)
                .extracting(event -> event.get("type").asString())
                .containsExactly(
                        "PaymentCreated",
                        "PaymentUpdated",
                        "PaymentUpdated",
                        "PaymentUpdated",
                        "PaymentUpdated",
                        "PaymentUpdated");
        assertThat(events.get(1).get("payload")).isEqualTo(json("""
                        {"paymentId": "%s", "amount": null, "description": {"from": "Two books", "to": "Three books"},
                         "orderId": null, "metadata": {}}
                        """.formatted(id)));
        assertThat(events.get(2).get("payload").get("orderId"))
                .isEqualTo(json("{\"from\": \"order-1\", \"to\": \"order-2\"}"));
        assertThat(events.get(3).get("payload").get("metadata")).isEqualTo(json("""
                        {"gift": {"from": null, "to": "yes"}, "colour": {"from": "red", "to": "blue"},
                         "channel": {"from": "web", "to": null}}
                        """));
        assertThat(events.get(4).get("payload").get("amount")).isEqualTo(json("""
                        {"from": {"minor": 1999, "currency": "USD"}, "to": {"minor": 2500, "currency": "USD"}}
                        """));
        assertThat(events.get(5).get("payload").get("description"))
                .isEqualTo(json("{\"from\": \"Three books\", \"to\": null}"));
        assertThat(events)
                .allSatisfy(
                        event -> assertThat(event.get("metadata").get("source").asString())
                                .isEqualTo("api"));

        // The audit's replay shows the payment as it stood before the amount changed.
        Instant beforeRepricing = Instant.parse(events.get(3).get("occurredAt").asString());
        JsonNode then = api.get("/api/audit/payments/" + id, "asOf", beforeRepricing.toString())
                .json();
        assertThat(then.get("amount").asLong()).isEqualTo(1999);
        assertThat(then.get("metadata")).isEqualTo(merged.get("metadata"));
        assertThat(then.get("orderId").asString()).isEqualTo("order-2");
    }

    @Test
    void thePaidAmountIsTheUpdatedOne() {
        String id = create(pending(1999)).get("id").asString();
        patch(id, Map.of("amount", 3000));

        JsonNode paid = command(id, "/confirm", Map.of("paymentMethod", "pm_card_visa"), 200);
        assertThat(paid.get("status").asString()).isEqualTo("succeeded");
        assertThat(paid.get("amount").asLong()).isEqualTo(3000);

        JsonNode refund = command(id, "/refunds", null, 201);
        assertThat(refund.get("amount").asLong()).isEqualTo(3000);
    }

    @Test
    void aPatchThatChangesNothingAnswersThePaymentAndRecordsNothingEvenWithAKey() {
        JsonNode created = create(Map.of(
                "amount",
                1999,
                "currency",
                "usd",
                "customerId",
                customer,
                "description",
                "Two books",
                "metadata",
                Map.of("channel", "web")));
        String id = created.get("id").asString();
        String key = LedgerApi.newIdempotencyKey();

        Answer empty = api.patch("/api/payments/" + id, Map.of(), "Idempotency-Key", key);
        Answer noBody = api.patch("/api/payments/" + id, null);
        Answer same = api.patch(
                "/api/payments/" + id,
                Map.of("amount", 1999, "description", "Two books", "metadata", Map.of("channel", "web", "gone", "")));

        for (Answer answer : List.of(empty, noBody, same)) {
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.json().get("version").asLong()).isEqualTo(1);
            assertThat(answer.header("Idempotent-Replayed")).isNull();
        }
        assertThat(db.eventsOf(id)).hasSize(1);
        assertThat(db.idempotencyRows(key)).as("PATCH stores no answer by key").isZero();
    }

    @Test
    void theAmountChangesOnlyWhilePending() {
        String id = create(Map.of(
                        "amount",
                        1999,
                        "currency",
                        "usd",
                        "customerId",
                        customer,
                        "paymentMethod",
                        "pm_card_visa",
                        "confirm",
                        true))
                .get("id")
                .asString();

        Answer refused = api.patch("/api/payments/" + id, Map.of("amount", 2500, "description", "Three books"));
        assertProblem(refused, 409, "invalid_state_transition");
        assertThat(refused.json().get("detail").asString()).contains("succeeded");
        assertThat(db.eventsOf(id)).hasSize(2);

        JsonNode described = patch(id, Map.of("description", "Three books", "amount", 1999));
        assertThat(described.get("description").asString()).isEqualTo("Three books");
        assertThat(described.get("status").asString()).isEqualTo("succeeded");
    }

    static Stream<Arguments> badPatches() {
        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int i = 0; i < 101; i++) {
            tooMany.put("k" + i, "v");
        }
        return Stream.of(
                Arguments.of("{\"currency\": \"eur\"}", "currency"),
                Arguments.of("{\"status\": \"succeeded\"}", "status"),
                Arguments.of("{\"customerId\": \"cus_other\"}", "customerId"),
                Arguments.of("{\"provider\": \"stripe\"}", "provider"),
                Arguments.of("{\"archived\": true}", "archived"),
                Arguments.of("{\"description\": \"x\", \"colour\": \"red\"}", "colour"),
                Arguments.of("{\"amount\": 0}", "amount"),
                Arguments.of("{\"amount\": -1}", "amount"),
                Arguments.of("{\"amount\": 19.99}", "amount"),
                Arguments.of("{\"amount\": \"2500\"}", "amount"),
                Arguments.of("{\"amount\": 100000000}", "amount"),
                Arguments.of("{\"amount\": 49}", "amount"),
                Arguments.of("{\"description\": \"" + "x".repeat(1001) + "\"}", "description"),
                Arguments.of("{\"description\": 7}", "description"),
                Arguments.of("{\"orderId\": \"" + "o".repeat(256) + "\"}", "orderId"),
                Arguments.of("{\"orderId\": true}", "orderId"),
                Arguments.of("{\"metadata\": {\"k\": 1}}", "metadata.k"),
                Arguments.of("{\"metadata\": {\"k\": null}}", "metadata[k]"),
                Arguments.of("{\"metadata\": {\"k\": \"" + "v".repeat(501) + "\"}}", "metadata[k]"),
                Arguments.of("{\"metadata\": {\"" + "k".repeat(41) + "\": \"v\"}}", "metadata[" + "k".repeat(41) + "]"),
                Arguments.of("{\"metadata\": [\"k\"]}", "metadata"),
                Arguments.of(LedgerApi.json(Map.of("metadata", tooMany)), "metadata"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badPatches")
    void everyBadFieldIsA400NamingItAndNothingIsStored(String body, String field) {
        String id = create(pending(1999)).get("id").asString();

        Answer answer = api.patch("/api/payments/" + id, body);

        assertProblem(answer, 400, "validation_failed");
        assertThat(answer.json()
                        .get("errors")
                        .valueStream()
                        .map(error -> error.get("field").asString()))
                .as("%s", answer)
                .contains(field);
        assertThat(db.eventsOf(id)).as("nothing recorded").hasSize(1);
        JsonNode stored = read(id, 1);
        assertThat(stored.get("amount").asLong()).isEqualTo(1999);
        assertThat(stored.get("description").isNull()).isTrue();
        assertThat(stored.get("metadata").isEmpty()).isTrue();
    }

    @Test
    void atMostFiftyMetadataKeysMayRemainAfterTheMerge() {
        Map<String, String> fortyNine = new LinkedHashMap<>();
        for (int i = 0; i < 49; i++) {
            fortyNine.put("k" + i, "v");
        }
        String id = create(
                        Map.of("amount", 1999, "currency", "usd", "customerId", customer, "metadata", Map.of("a", "1")))
                .get("id")
                .asString();

        assertThat(patch(id, Map.of("metadata", fortyNine)).get("metadata").size())
                .isEqualTo(50);

        Answer fiftyOne = api.patch("/api/payments/" + id, Map.of("metadata", Map.of("one-more", "v")));
        assertProblem(fiftyOne, 400, "validation_failed");
        assertThat(fiftyOne.json().get("errors").get(0).get("field").asString()).isEqualTo("metadata");
        assertThat(db.eventsOf(id)).hasSize(2);

        JsonNode swapped = patch(id, Map.of("metadata", Map.of("one-more", "v", "a", "")));
        assertThat(swapped.get("metadata").size()).isEqualTo(50);
        assertThat(swapped.get("metadata").has("a")).isFalse();
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        assertProblem(
                api.patch("/api/payments/pay_0000000000000000000NoSuch", Map.of("description", "x")),
                404,
                "payment_not_found");
        assertProblem(api.patch("/api/payments/not-an-id", Map.of("description", "x")), 404, "payment_not_found");
        assertProblem(api.delete("/api/payments/pay_0000000000000000000NoSuch"), 404, "payment_not_found");
    }

    @Test
    void patchingNeedsPaymentsWriteAndACustomerMayNotPatchItsOwnPayment() {
        String id = create(pending(1999)).get("id").asString();
        String own = TestTokens.mint(customer, "payments:write:own payments:read:own");
        String reader = TestTokens.mint("reader-" + UUID.randomUUID(), "payments:read");
        String backend = TestTokens.mint("shop-" + UUID.randomUUID(), "payments:write");

        assertProblem(LedgerApi.as(client, own).patch("/api/payments/" + id, Map.of("amount", 50)), 403, "forbidden");
        assertProblem(
                LedgerApi.as(client, reader).patch("/api/payments/" + id, Map.of("amount", 50)), 403, "forbidden");
        assertThat(db.eventsOf(id)).hasSize(1);

        Answer patched = LedgerApi.as(client, backend).patch("/api/payments/" + id, Map.of("amount", 2500));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(db.eventsOf(id).get(1).actor()).isEqualTo(subjectOf(backend));
    }

    // --- DELETE ---------------------------------------------------------------------------------------------------

    @Test
    void deletingAPendingPaymentCancelsAndArchivesItAndItLeavesTheListAndTheExportUnlessAskedFor() throws IOException {
        String kept = create(pending(1000)).get("id").asString();
        String archivedId = create(pending(2000)).get("id").asString();
        String requestId = LedgerApi.newRequestId();

        Answer deleted = api.delete("/api/payments/" + archivedId, "X-Request-Id", requestId);

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        JsonNode payment = deleted.json();
        assertThat(payment.get("status").asString()).isEqualTo("canceled");
        assertThat(payment.get("archived").asBoolean()).isTrue();
        assertThat(payment.get("version").asLong()).isEqualTo(3);
        List<LedgerDb.StoredEvent> stored = db.eventsOf(archivedId);
        assertThat(stored)
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentCanceled", "PaymentArchived");
        assertThat(stored.subList(1, 3))
                .allSatisfy(event -> assertThat(event.correlationId()).isEqualTo(requestId));

        JsonNode byId = read(payment);
        assertThat(byId).isEqualTo(payment);
        assertThat(auditEvents(archivedId))
                .extracting(event -> event.get("type").asString())
                .containsExactly("PaymentCreated", "PaymentCanceled", "PaymentArchived");

        assertThat(ids(api.get("/api/payments", "customerId", customer))).containsExactly(kept);
        assertThat(ids(api.get("/api/payments", "customerId", customer, "archived", "false")))
                .containsExactly(kept);
        assertThat(ids(api.get("/api/payments", "customerId", customer, "archived", "true")))
                .containsExactlyInAnyOrder(kept, archivedId);
        assertThat(ids(api.get("/api/payments", "customerId", customer, "status", "canceled")))
                .isEmpty();
        assertThat(ids(api.get("/api/payments", "q", archivedId))).isEmpty();
        assertThat(ids(api.get("/api/payments", "q", archivedId, "archived", "true")))
                .containsExactly(archivedId);

        Map<String, CSVRecord> exported = csv(api.get("/api/payments/export", "customerId", customer));
        assertThat(exported.keySet()).containsExactly(kept);
        assertThat(exported.get(kept).get("archived")).isEqualTo("false");
        Map<String, CSVRecord> withArchived =
                csv(api.get("/api/payments/export", "customerId", customer, "archived", "true"));
        assertThat(withArchived.keySet()).containsExactlyInAnyOrder(kept, archivedId);
        assertThat(withArchived.get(archivedId).get("archived")).isEqualTo("true");
        assertThat(withArchived.get(archivedId).get("status")).isEqualTo("canceled");

        assertProblem(api.get("/api/payments", "archived", "yes"), 400, "validation_failed");
        assertProblem(api.get("/api/payments/export", "archived", "1"), 400, "validation_failed");
    }

    @Test
    void deletingTwiceChangesNothingAndAnArchivedPaymentTakesNoUpdate() {
        String id = create(pending(1999)).get("id").asString();
        JsonNode first = delete(id);

        JsonNode again = delete(id);
        assertThat(again).isEqualTo(first);
        assertThat(db.eventsOf(id)).hasSize(3);

        assertProblem(
                api.patch("/api/payments/" + id, Map.of("description", "back again")), 409, "invalid_state_transition");
        assertProblem(
                api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa")),
                409,
                "invalid_state_transition");
        assertThat(command(id, "/cancel", null, 200).get("archived").asBoolean())
                .isTrue();
        assertThat(db.eventsOf(id)).hasSize(3);
    }

    @Test
    void deletingACanceledOrFailedPaymentArchivesIt() {
        String canceled = create(pending(1999)).get("id").asString();
        command(canceled, "/cancel", Map.of("reason", "abandoned"), 200);
        assertThat(delete(canceled).get("archived").asBoolean()).isTrue();
        assertThat(db.eventsOf(canceled))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentCanceled", "PaymentArchived");

        String declined = create(Map.of(
                        "amount",
                        1999,
                        "currency",
                        "usd",
                        "customerId",
                        customer,
                        "paymentMethod",
                        "pm_card_chargeDeclined",
                        "confirm",
                        true))
                .get("id")
                .asString();
        JsonNode archived = delete(declined);
        assertThat(archived.get("status").asString()).isEqualTo("canceled");
        assertThat(db.eventsOf(declined))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentFailed", "PaymentCanceled", "PaymentArchived");
    }

    @Test
    void aCapturedPaymentIsNotArchivedButRefunded() {
        String id = create(Map.of(
                        "amount",
                        1999,
                        "currency",
                        "usd",
                        "customerId",
                        customer,
                        "paymentMethod",
                        "pm_card_visa",
                        "confirm",
                        true))
                .get("id")
                .asString();

        Answer refused = api.delete("/api/payments/" + id);

        assertProblem(refused, 409, "invalid_state_transition");
        assertThat(db.eventsOf(id)).hasSize(2);
        assertThat(read(id, 2).get("archived").asBoolean()).isFalse();
    }

    @Test
    void onlyPaymentsAdminMayArchive() {
        String id = create(pending(1999)).get("id").asString();
        for (String scopes : List.of("payments:write", "payments:write:own payments:read:own", "refunds:write")) {
            String token = TestTokens.mint(customer, scopes);
            assertProblem(LedgerApi.as(client, token).delete("/api/payments/" + id), 403, "forbidden");
        }
        assertThat(db.eventsOf(id)).hasSize(1);

        String admin = TestTokens.mint("admin-" + UUID.randomUUID(), "payments:admin");
        Answer archived = LedgerApi.as(client, admin).delete("/api/payments/" + id);
        assertThat(archived.status()).as("%s", archived).isEqualTo(200);
        assertThat(db.eventsOf(id).get(2).actor()).isEqualTo(subjectOf(admin));
    }

    @Test
    void theFeedTellsOfAnArchivedPaymentsChangesOnlyWhenAskedTo() throws Exception {
        JsonNode created = create(Map.of("amount", 1999, "currency", "usd", "customerId", customer));
        String id = created.get("id").asString();
        read(created); // the creation is told before the subscriptions begin
        try (Feed plain = subscribe("");
                Feed all = subscribe("?archived=true")) {
            delete(id);

            assertThat(all.events(id, 2, Duration.ofSeconds(10))).containsExactly("PaymentCanceled", "PaymentArchived");
            // One sender writes each change to every client in turn: the plain feed had its chance already.
            assertThat(plain.events(id, 2, Duration.ofSeconds(1))).containsExactly("PaymentCanceled");
        }
        assertProblem(api.get("/api/payments/feed", "archived", "maybe"), 400, "validation_failed");
        assertProblem(api.get("/api/payments/feed", "colour", "red"), 400, "validation_failed");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private Map<String, Object> pending(long amount) {
        return Map.of("amount", amount, "currency", "usd", "customerId", customer);
    }

    private JsonNode create(Map<String, Object> body) {
        Answer answer = api.post("/api/payments", body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json();
    }

    private JsonNode patch(String id, Object body) {
        Answer answer = api.patch("/api/payments/" + id, body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private JsonNode delete(String id) {
        Answer answer = api.delete("/api/payments/" + id);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private JsonNode command(String id, String path, Object body, int status) {
        Answer answer = api.post("/api/payments/" + id + path, body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        return answer.json();
    }

    /** The payment from the read model once it holds the command answer's version. */
    private JsonNode read(JsonNode answered) {
        return read(answered.get("id").asString(), answered.get("version").asLong());
    }

    private JsonNode read(String id, long version) {
        Answer answer = api.get("/api/payments/" + id, "minVersion", Long.toString(version));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().get("version").asLong()).isEqualTo(version);
        return answer.json();
    }

    private List<JsonNode> auditEvents(String id) {
        Answer answer = api.get("/api/audit/payments/" + id + "/events");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().get("data").valueStream().toList();
    }

    private static List<String> ids(Answer list) {
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        return list.json()
                .get("data")
                .valueStream()
                .map(p -> p.get("id").asString())
                .toList();
    }

    private static JsonNode json(String text) {
        return LedgerApi.JSON.readTree(text);
    }

    private static String subjectOf(String token) {
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return LedgerApi.JSON.readTree(claims).get("sub").asString();
    }

    private static Map<String, CSVRecord> csv(Answer answer) throws IOException {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(
                new StringReader(answer.body()),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            for (CSVRecord row : parser) {
                rows.put(row.get("id"), row);
            }
        }
        return rows;
    }

    private Feed subscribe(String query) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/payments/feed" + query))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.adminAuthorization())
                .build();
        HttpResponse<Stream<String>> response =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        return new Feed(response);
    }

    /** A subscription to the live feed, read on a thread of its own. */
    private static final class Feed implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final Thread reader;

        Feed(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = new Thread(() -> {
                try {
                    Iterator<String> body = response.body().iterator();
                    while (body.hasNext()) {
                        lines.add(body.next());
                    }
                } catch (RuntimeException closed) {
                    // closed by the test
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * The events of the payment's updates but its creation (which a subscription may or may not have caught) heard
         * within {@code patience}, at most {@code count}.
         */
        List<String> events(String paymentId, int count, Duration patience) throws InterruptedException {
            List<String> events = new ArrayList<>();
            Instant deadline = Instant.now().plus(patience);
            while (events.size() < count && Instant.now().isBefore(deadline)) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("data:") && line.contains(paymentId)) {
                    String event = LedgerApi.JSON
                            .readTree(line.substring("data:".length()))
                            .get("event")
                            .asString();
                    if (!event.equals("PaymentCreated")) {
                        events.add(event);
                    }
                }
            }
            return events;
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
