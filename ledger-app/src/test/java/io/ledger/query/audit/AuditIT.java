package io.ledger.query.audit;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's API over HTTP against the assembled ledger: a payment's stream, the payment at past instants, the
 * NDJSON log, and the verification, which must name an event edited or deleted behind the ledger's back in SQL, and a
 * read-model row edited the same way. Every damage done here is undone before the test ends: the database is shared
 * with the other test classes.
 */
@LedgerIntegrationTest
class AuditIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChainWriter chainWriter;

    @Test
    void aPaymentsStreamComesInOrderWithEveryStoredFieldAndItsMetadata() {
        LedgerApi api = new LedgerApi(client);
        String requestId = LedgerApi.newRequestId();
        String id = api.post(
                        "/api/payments",
                        Map.of("amount", 2_500, "currency", "eur", "customerId", "cus_audit_" + UUID.randomUUID()),
                        "X-Request-Id",
                        requestId)
                .json()
                .get("id")
                .asString();
        api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));
        api.post("/api/payments/" + id + "/refunds", Map.of("amount", 500));

        Answer answer = api.get("/api/audit/payments/" + id + "/events");

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode events = answer.json().get("data");
        List<LedgerDb.StoredEvent> stored = new LedgerDb(jdbc).eventsOf(id);
        assertThat(events.size()).isEqualTo(stored.size()).isEqualTo(4);
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT global_index, event_identifier, time_stamp, payload::text AS payload
                          FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number
                        """).param(id).query().listOfRows();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            LedgerDb.StoredEvent expected = stored.get(i);
            assertThat(event.get("sequence").asLong()).isEqualTo(i);
            assertThat(event.get("globalIndex").asLong()).isEqualTo(rows.get(i).get("global_index"));
            assertThat(event.get("eventId").asString()).isEqualTo(rows.get(i).get("event_identifier"));
            assertThat(event.get("aggregateId").asString()).isEqualTo(id);
            assertThat(event.get("type").asString()).isEqualTo(expected.type());
            assertThat(event.get("occurredAt").asString()).isEqualTo(rows.get(i).get("time_stamp"));
            assertThat(event.get("payload"))
                    .isEqualTo(LedgerApi.JSON.readTree((String) rows.get(i).get("payload")));
            assertThat(event.get("payload").get("paymentId").asString()).isEqualTo(id);
            JsonNode metadata = event.get("metadata");
            assertThat(metadata.get("correlationId").asString()).isEqualTo(expected.correlationId());
            assertThat(metadata.get("causationId").asString()).isEqualTo(expected.causationId());
            assertThat(metadata.get("actor").asString()).isEqualTo(expected.actor());
            assertThat(metadata.get("source").asString()).isEqualTo("api");
        }
        assertThat(events.get(0).get("metadata").get("correlationId").asString())
                .isEqualTo(requestId);
        assertThat(List.of(events.get(0), events.get(1), events.get(2), events.get(3)))
                .extracting(event -> event.get("type").asString())
                .containsExactly("PaymentCreated", "PaymentSucceeded", "RefundRequested", "RefundSucceeded");
        assertThat(events.get(1).get("globalIndex").asLong())
                .isGreaterThan(events.get(0).get("globalIndex").asLong());
        assertThat(answer.json().get("hasMore").asBoolean()).isFalse();

        assertProblem(api.get("/api/audit/payments/pay_doesnotexist/events"), 404, "payment_not_found");
    }

    @Test
    void aPaymentAsOfAnInstantIsRebuiltFromItsEventsUpToThen() throws InterruptedException {
        LedgerApi api = new LedgerApi(client);
        Instant beforeCreation = Instant.now();
        Thread.sleep(5);
        String id = api.post(
                        "/api/payments",
                        Map.of("amount", 4_000, "currency", "usd", "customerId", "cus_audit_" + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        Thread.sleep(5);
        Instant created = Instant.now();
        Thread.sleep(5);
        api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));
        Thread.sleep(5);
        Instant confirmed = Instant.now();
        Thread.sleep(5);
        api.post("/api/payments/" + id + "/refunds", Map.of("amount", 1_000));
        Thread.sleep(5);
        Instant refunded = Instant.now();

        assertProblem(
                api.get("/api/audit/payments/" + id, "asOf", beforeCreation.toString()), 404, "payment_not_found");
        JsonNode atCreation =
                api.get("/api/audit/payments/" + id, "asOf", created.toString()).json();
        assertThat(atCreation.get("status").asString()).isEqualTo("pending");
        assertThat(atCreation.get("version").asLong()).isEqualTo(1);
        JsonNode atConfirmation = api.get("/api/audit/payments/" + id, "asOf", confirmed.toString())
                .json();
        assertThat(atConfirmation.get("status").asString()).isEqualTo("succeeded");
        assertThat(atConfirmation.get("amountRefunded").asLong()).isZero();
        assertThat(atConfirmation.get("refunds").size()).isZero();
        assertThat(atConfirmation.get("version").asLong()).isEqualTo(2);
        JsonNode afterRefund = api.get("/api/audit/payments/" + id, "asOf", refunded.toString())
                .json();
        assertThat(afterRefund.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(afterRefund.get("amountRefunded").asLong()).isEqualTo(1_000);
        assertThat(afterRefund.get("refunds").get(0).get("amount").asLong()).isEqualTo(1_000);

        // The rebuilt payment is the very resource the read model answers, field for field.
        JsonNode live = api.get("/api/payments/" + id, "minVersion", "4").json();
        assertThat(afterRefund).isEqualTo(live);
        assertThat(api.get("/api/audit/payments/" + id).json()).isEqualTo(live);
        // The live read model was not touched by the rebuilds.
        assertThat(api.get("/api/payments/" + id).json()).isEqualTo(live);

        assertProblem(
                api.get("/api/audit/payments/pay_doesnotexist", "asOf", refunded.toString()), 404, "payment_not_found");
        assertProblem(api.get("/api/audit/payments/" + id, "asOf", "yesterday"), 400, "validation_failed");
    }

    @Test
    void theGlobalLogIsNdjsonPagedByGlobalIndex() {
        LedgerApi api = new LedgerApi(client);
        for (int i = 0; i < 3; i++) {
            api.post(
                    "/api/payments",
                    Map.of("amount", 1_000 + i, "currency", "usd", "customerId", "cus_audit_" + UUID.randomUUID()));
        }
        List<Long> indexes = jdbc.sql("SELECT global_index FROM domain_event_entry ORDER BY global_index")
                .query(Long.class)
                .list();
        long after = indexes.get(indexes.size() - 4);

        Answer first = api.get("/api/audit/events", "afterIndex", Long.toString(after), "limit", "2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType().toString()).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(first);
        assertThat(lines)
                .extracting(line -> line.get("globalIndex").asLong())
                .containsExactlyElementsOf(indexes.subList(indexes.size() - 3, indexes.size() - 1));
        long next = lines.get(1).get("globalIndex").asLong();
        List<JsonNode> second = lines(api.get("/api/audit/events", "afterIndex", Long.toString(next), "limit", "2"));
        assertThat(second)
                .extracting(line -> line.get("globalIndex").asLong())
                .containsExactly(indexes.get(indexes.size() - 1));
        JsonNode line = second.get(0);
        assertThat(line.get("type").asString()).isEqualTo("PaymentCreated");
        assertThat(line.get("aggregateType").asString())
                .as("the stored type column, which the hash covers")
                .isEqualTo(jdbc.sql("SELECT type FROM domain_event_entry WHERE global_index = ?")
                        .param(line.get("globalIndex").asLong())
                        .query(String.class)
                        .single());
        assertThat(line.get("payload").get("amount").get("minor").asLong()).isEqualTo(1_002);
        assertThat(line.get("metadata").get("source").asString()).isEqualTo("api");
        assertThat(line.propertyNames())
                .contains("eventId", "aggregateId", "sequence", "payloadType", "payloadRevision", "occurredAt", "hash");

        assertThat(lines(api.get("/api/audit/events", "afterIndex", Long.toString(indexes.get(indexes.size() - 1)))))
                .isEmpty();
        assertProblem(api.get("/api/audit/events", "limit", "0"), 400, "validation_failed");
        assertProblem(api.get("/api/audit/events", "afterIndex", "-1"), 400, "validation_failed");
        assertProblem(api.get("/api/audit/events", "afterIndex", "x"), 400, "validation_failed");
        assertProblem(api.get("/api/audit/events", "since", "1"), 400, "validation_failed");
    }

    @Test
    void anEventUpdatedOrDeletedBehindTheLedgersBackIsNamed() {
        LedgerApi api = new LedgerApi(client);
        String id = createAndConfirm(api, 3_300);
        long index = jdbc.sql(
                        "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1")
                .param(id)
                .query(Long.class)
                .single();
        String eventId = jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE global_index = ?")
                .param(index)
                .query(String.class)
                .single();
        chainedUpTo(index);
        JsonNode clean = api.get("/api/audit/verify", "readModels", "false").json();
        assertThat(clean.get("chainValid").asBoolean()).as("%s", clean).isTrue();
        long chainHead = clean.get("chain").get("chainHeadIndex").asLong();
        assertThat(chainHead).isGreaterThanOrEqualTo(index);
        assertThat(clean.get("eventsChecked").asLong())
                .as("every event up to the chain's head, and only those")
                .isEqualTo(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index <= ?")
                        .param(chainHead)
                        .query(Long.class)
                        .single());
        assertThat(clean.get("mismatches").size()).isZero();

        String payload = jdbc.sql("SELECT payload::text FROM domain_event_entry WHERE global_index = ?")
                .param(index)
                .query(String.class)
                .single();
        jdbc.sql(
                        "UPDATE domain_event_entry SET payload = jsonb_set(payload, '{amount,minor}', '1') WHERE global_index = ?")
                .param(index)
                .update();
        try {
            JsonNode tampered =
                    api.get("/api/audit/verify", "readModels", "false").json();
            assertThat(tampered.get("chainValid").asBoolean()).isFalse();
            JsonNode mismatch = tampered.get("mismatches").get(0);
            assertThat(mismatch.get("kind").asString()).isEqualTo("event");
            assertThat(mismatch.get("problem").asString()).isEqualTo("altered");
            assertThat(mismatch.get("globalIndex").asLong()).isEqualTo(index);
            assertThat(mismatch.get("eventId").asString()).isEqualTo(eventId);
            assertThat(mismatch.get("aggregateId").asString()).isEqualTo(id);
            assertThat(mismatch.get("sequence").asLong()).isEqualTo(1);
            assertThat(mismatch.get("differs").toString()).isEqualTo("[\"payload\"]");
            assertThat(tampered.get("chain").get("mismatches").asLong()).isEqualTo(1);
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET payload = ?::jsonb WHERE global_index = ?")
                    .params(payload, index)
                    .update();
        }
        assertThat(api.get("/api/audit/verify", "readModels", "false")
                        .json()
                        .get("chainValid")
                        .asBoolean())
                .isTrue();

        String metaData = jdbc.sql("SELECT meta_data::text FROM domain_event_entry WHERE global_index = ?")
                .param(index)
                .query(String.class)
                .single();
        jdbc.sql(
                        "UPDATE domain_event_entry SET meta_data = meta_data || '{\"actor\": \"mallory\"}' WHERE global_index = ?")
                .param(index)
                .update();
        try {
            JsonNode mismatch = api.get("/api/audit/verify", "readModels", "false")
                    .json()
                    .get("mismatches")
                    .get(0);
            assertThat(mismatch.get("globalIndex").asLong()).isEqualTo(index);
            assertThat(mismatch.get("differs").toString()).isEqualTo("[\"metaData\"]");
        } finally {
            jdbc.sql("UPDATE domain_event_entry SET meta_data = ?::jsonb WHERE global_index = ?")
                    .params(metaData, index)
                    .update();
        }

        Map<String, Object> row = jdbc.sql("SELECT * FROM domain_event_entry WHERE global_index = ?")
                .param(index)
                .query()
                .singleRow();
        jdbc.sql("DELETE FROM domain_event_entry WHERE global_index = ?")
                .param(index)
                .update();
        try {
            JsonNode deleted =
                    api.get("/api/audit/verify", "readModels", "false").json();
            assertThat(deleted.get("chainValid").asBoolean()).isFalse();
            JsonNode mismatch = deleted.get("mismatches").get(0);
            assertThat(mismatch.get("problem").asString()).isEqualTo("deleted");
            assertThat(mismatch.get("globalIndex").asLong()).isEqualTo(index);
            assertThat(mismatch.get("eventId").asString()).isEqualTo(eventId);
            assertThat(mismatch.get("aggregateId").asString()).isEqualTo(id);
            assertThat(mismatch.get("sequence").asLong()).isEqualTo(1);
        } finally {
            restore(row);
        }
        JsonNode restored = api.get("/api/audit/verify", "readModels", "false").json();
        assertThat(restored.get("chainValid").asBoolean()).as("%s", restored).isTrue();
    }

    @Test
    void everyReadModelEqualsAFreshReplayAndAnEditedRowIsNamed() {
        LedgerApi api = new LedgerApi(client);
        String id = createAndConfirm(api, 5_100);
        api.post("/api/payments/" + id + "/refunds", Map.of("amount", 100));
        // An updated and archived payment replays as it was kept live.
        String archived = api.post(
                        "/api/payments",
                        Map.of("amount", 2_300, "currency", "usd", "customerId", "cus_audit_" + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        assertThat(api.patch("/api/payments/" + archived, Map.of("amount", 2_400, "metadata", Map.of("k", "v")))
                        .status())
                .isEqualTo(200);
        assertThat(api.delete("/api/payments/" + archived).status()).isEqualTo(200);

        JsonNode clean = api.get("/api/audit/verify").json();
        assertThat(clean.get("readModelsConsistent").asBoolean())
                .as("%s", clean)
                .isTrue();
        assertThat(clean.get("chainValid").asBoolean()).isTrue();
        JsonNode tables = clean.get("readModels").get("tables");
        assertThat(tables.size()).isEqualTo(8);
        for (JsonNode table : tables) {
            assertThat(table.get("liveRows").asLong())
                    .as("%s", table)
                    .isEqualTo(table.get("replayedRows").asLong());
            assertThat(table.get("onlyLive").asLong()).as("%s", table).isZero();
        }
        assertThat(clean.get("readModels").get("eventsReplayed").asLong()).isPositive();

        eventually(
                "the payment history has the payment",
                () -> jdbc.sql("SELECT count(*) FROM payment_view WHERE payment_id = ? AND version = 4")
                                .param(id)
                                .query(Long.class)
                                .single()
                        == 1);
        jdbc.sql("UPDATE payment_view SET amount = amount + 1 WHERE payment_id = ?")
                .param(id)
                .update();
        try {
            JsonNode edited = api.get("/api/audit/verify").json();
            assertThat(edited.get("readModelsConsistent").asBoolean()).isFalse();
            assertThat(edited.get("chainValid").asBoolean()).isTrue();
            JsonNode mismatch = edited.get("mismatches").get(0);
            assertThat(mismatch.get("kind").asString()).isEqualTo("read_model");
            assertThat(mismatch.get("readModel").asString()).isEqualTo("payment-history");
            assertThat(mismatch.get("table").asString()).isEqualTo("payment_view");
            JsonNode liveRow = LedgerApi.JSON.readTree(mismatch.get("liveRow").asString());
            JsonNode replayedRow =
                    LedgerApi.JSON.readTree(mismatch.get("replayedRow").asString());
            assertThat(liveRow.get("payment_id").asString()).isEqualTo(id);
            assertThat(liveRow.get("amount").asLong()).isEqualTo(5_101);
            assertThat(replayedRow.get("payment_id").asString()).isEqualTo(id);
            assertThat(replayedRow.get("amount").asLong()).isEqualTo(5_100);
        } finally {
            jdbc.sql("UPDATE payment_view SET amount = amount - 1 WHERE payment_id = ?")
                    .param(id)
                    .update();
        }
        assertThat(api.get("/api/audit/verify")
                        .json()
                        .get("readModelsConsistent")
                        .asBoolean())
                .isTrue();
    }

    static List<JsonNode> lines(Answer answer) {
        List<JsonNode> lines = new ArrayList<>();
        if (answer.body() == null) {
            return lines;
        }
        for (String line : answer.body().split("\n")) {
            if (!line.isBlank()) {
                lines.add(LedgerApi.JSON.readTree(line));
            }
        }
        return lines;
    }

    static String createAndConfirm(LedgerApi api, long amount) {
        String id = api.post(
                        "/api/payments",
                        Map.of("amount", amount, "currency", "usd", "customerId", "cus_audit_" + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        Answer confirmed = api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        return id;
    }

    void chainedUpTo(long index) {
        eventually("the chain reaches global index " + index, () -> {
            chainWriter.appendAvailable();
            return jdbc.sql("SELECT global_index FROM audit_chain_head")
                            .query(Long.class)
                            .single()
                    >= index;
        });
    }

    /** Puts a deleted event row back exactly as it was. */
    void restore(Map<String, Object> row) {
        jdbc.sql("""
                        INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:global_index, :event_identifier, :aggregate_identifier, :sequence_number, :type,
                            :time_stamp, :payload_type, :payload_revision, (:payload)::jsonb, (:meta_data)::jsonb)
                        """)
                .param("global_index", row.get("global_index"))
                .param("event_identifier", row.get("event_identifier"))
                .param("aggregate_identifier", row.get("aggregate_identifier"))
                .param("sequence_number", row.get("sequence_number"))
                .param("type", row.get("type"))
                .param("time_stamp", row.get("time_stamp"))
                .param("payload_type", row.get("payload_type"))
                .param("payload_revision", row.get("payload_revision"))
                .param("payload", row.get("payload").toString())
                .param("meta_data", row.get("meta_data").toString())
                .update();
    }

    static void eventually(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting until " + what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
