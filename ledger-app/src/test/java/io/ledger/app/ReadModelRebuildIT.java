package io.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerIntegrationTest;
import io.ledger.app.support.TransactionProbe;
import io.ledger.query.projection.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Every read model rebuilt from the event store equals the one kept live: payments of every status, refunds, matched
 * and mismatched settlements in two currencies, updates and an archived payment are driven over HTTP, and disputes recorded as Stripe's webhooks would
 * record them; once every projection has caught up, each read-model table is copied, damaged, replayed and compared
 * with the copy row for row. The tables hold every other test class's payments too; the comparison covers them all.
 */
@LedgerIntegrationTest
class ReadModelRebuildIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> PROJECTIONS =
            List.of("payment-history", "payment-stats", "reconciliation", "journal");

    /** Each read model's tables with their primary keys; the processors' tokens are their own bookkeeping, not data. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("payment_view", "payment_id");
        TABLES.put("refund_view", "refund_id");
        TABLES.put("dispute_view", "dispute_id");
        TABLES.put("stats_bucket", "day, currency, provider");
        TABLES.put("stats_payment", "payment_id");
        TABLES.put("reconciliation_view", "payment_id");
        TABLES.put("journal_line", "event_id, line_no");
        TABLES.put("journal_balance_daily", "day, account, currency");
    }

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Projections projections;

    @Autowired
    TransactionProbe probe;

    @Autowired
    CommandGateway commands;

    @Test
    void replayingEveryProjectionRebuildsExactlyTheLiveReadModels() {
        LedgerApi api = new LedgerApi(client);
        String customer = "cus_rebuild_" + UUID.randomUUID();
        String pending = create(api, customer, 1_000, "usd", null, "pending");
        String processing = create(api, customer, 2_000, "usd", "pm_card_processing", "processing");
        String actionRequired =
                create(api, customer, 3_000, "eur", "pm_card_authenticationRequired", "requires_action");
        String declined = create(api, customer, 4_000, "eur", "pm_card_chargeDeclined", "failed");
        String canceled = create(api, customer, 5_000, "usd", "pm_card_chargeDeclined", "failed");
        String refunded = create(api, customer, 6_000, "eur", "pm_card_visa", "succeeded");
        String partiallyRefunded = create(api, customer, 7_000, "usd", "pm_card_visa", "succeeded");
        String matched = create(api, customer, 8_000, "usd", "pm_card_visa", "succeeded");
        String mismatched = create(api, customer, 9_000, "eur", "pm_card_visa", "succeeded");
        String retried = create(api, customer, 1_500, "eur", "pm_card_chargeDeclined", "failed");
        String updated = create(api, customer, 1_100, "usd", null, "pending");
        String archived = create(api, customer, 1_200, "eur", "pm_card_chargeDeclined", "failed");
        String annotated = create(api, customer, 1_300, "usd", "pm_card_visa", "succeeded");

        post(api, "/api/payments/" + canceled + "/cancel", Map.of("reason", "abandoned"), 200);
        patch(
                api,
                updated,
                Map.of("amount", 1_150, "orderId", "order-rebuild", "metadata", Map.of("a", "1", "b", "2")));
        patch(api, updated, Map.of("description", "rebuilt", "metadata", Map.of("a", "", "c", "3")));
        patch(api, annotated, Map.of("description", "after the capture", "metadata", Map.of("note", "kept")));
        Answer deleted = api.delete("/api/payments/" + archived);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        post(api, "/api/payments/" + retried + "/confirm", Map.of("paymentMethod", "pm_card_visa"), 200);
        post(api, "/api/payments/" + refunded + "/refunds", Map.of("amount", 2_000), 201);
        post(api, "/api/payments/" + refunded + "/refunds", null, 201);
        post(api, "/api/payments/" + partiallyRefunded + "/refunds", Map.of("amount", 700), 201);
        post(api, "/api/payments/" + matched + "/reconcile", settlement("st_" + UUID.randomUUID(), 7_900, 237), 200);
        post(api, "/api/payments/" + matched + "/reconcile", settlement("st_" + UUID.randomUUID(), 8_000, 240), 200);
        post(api, "/api/payments/" + mismatched + "/reconcile", settlement("st_" + UUID.randomUUID(), 8_500, 255), 200);
        post(
                api,
                "/api/payments/" + partiallyRefunded + "/reconcile",
                settlement("st_" + UUID.randomUUID(), 7_000, 210),
                200);
        // Disputes reach the ledger only from Stripe's webhooks; here the commands they end in are sent directly.
        disputed(new RecordDisputeOpenedCommand(
                PaymentId.of(matched),
                "dp_rebuild_" + UUID.randomUUID(),
                Money.of(2_000, "usd"),
                Money.of(1_500, "usd"),
                "fraudulent"));
        disputed(new RecordDisputeClosedCommand(
                PaymentId.of(mismatched),
                "dp_rebuild_" + UUID.randomUUID(),
                false,
                Money.of(3_000, "eur"),
                Money.of(1_500, "eur"),
                Money.of(0, "eur"),
                "product_not_received"));

        // The asynchronous method completes on its own; wait for it, so that the event store stays still from here.
        eventually(
                "the processing payment succeeded",
                () -> "succeeded"
                        .equals(api.post("/api/payments/" + processing + "/confirm", null)
                                .json()
                                .get("status")
                                .asString()));
        eventually("every projection caught up", this::allCaughtUp);
        long head = head();
        assertThat(statuses(customer))
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry(pending, "pending"),
                        Map.entry(processing, "succeeded"),
                        Map.entry(actionRequired, "requires_action"),
                        Map.entry(declined, "failed"),
                        Map.entry(canceled, "canceled"),
                        Map.entry(refunded, "refunded"),
                        Map.entry(partiallyRefunded, "partially_refunded"),
                        Map.entry(matched, "succeeded"),
                        Map.entry(mismatched, "succeeded"),
                        Map.entry(retried, "succeeded"),
                        Map.entry(updated, "pending"),
                        Map.entry(archived, "canceled"),
                        Map.entry(annotated, "succeeded")));
        Map<String, List<String>> live = snapshot();
        assertThat(live).allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
        assertThat(String.join("\n", live.get("reconciliation_view")))
                .contains("matched", "mismatched", "unreconciled");

        // Damage every table in ways a redelivery would not repair: only a rebuild from the events undoes them.
        for (String table : TABLES.keySet()) {
            jdbc.sql("DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " LIMIT 3)")
                    .update();
        }
        jdbc.sql("UPDATE payment_view SET amount = amount + 1, version = version + 100")
                .update();
        assertThat(snapshot()).isNotEqualTo(live);

        PROJECTIONS.forEach(projections::replay);
        eventually("every projection caught up after the replay", this::allCaughtUp);

        assertThat(head()).as("no event was stored meanwhile").isEqualTo(head);
        Map<String, List<String>> rebuilt = snapshot();
        for (String table : TABLES.keySet()) {
            assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
        }
        assertThat(projections.statuses())
                .filteredOn(status -> PROJECTIONS.contains(status.name()))
                .hasSize(PROJECTIONS.size())
                .allSatisfy(status -> {
                    assertThat(status.replaying()).as("%s", status).isFalse();
                    assertThat(status.lag()).as("%s", status).isZero();
                    assertThat(status.position()).as("%s", status).isEqualTo(head);
                });
    }

    @Test
    void projectionsHandleEventsInsideADatabaseTransaction() {
        String id = create(
                new LedgerApi(client), "cus_rebuild_" + UUID.randomUUID(), 2_500, "usd", "pm_card_visa", "succeeded");
        List<String> events = jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(id)
                .query(String.class)
                .list();
        assertThat(events).hasSize(2);

        eventually(
                "the probe saw the payment's events",
                () -> probe.handled().keySet().containsAll(events));
        assertThat(events)
                .allSatisfy(event -> assertThat(probe.handled().get(event))
                        .as("handled %s inside a transaction", event)
                        .isTrue());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private String create(LedgerApi api, String customer, long amount, String currency, String method, String status) {
        Map<String, Object> body =
                new LinkedHashMap<>(Map.of("amount", amount, "currency", currency, "customerId", customer));
        if (method != null) {
            body.put("paymentMethod", method);
            body.put("confirm", true);
        }
        JsonNode payment = post(api, "/api/payments", body, 201);
        assertThat(payment.get("status").asString()).isEqualTo(status);
        return payment.get("id").asString();
    }

    private static void patch(LedgerApi api, String id, Object body) {
        Answer answer = api.patch("/api/payments/" + id, body);
        assertThat(answer.status()).as("PATCH %s %s", id, answer).isEqualTo(200);
    }

    private static JsonNode post(LedgerApi api, String path, Object body, int expectedStatus) {
        Answer answer = api.post(path, body);
        assertThat(answer.status()).as("%s %s", path, answer).isEqualTo(expectedStatus);
        return answer.json();
    }

    private void disputed(PaymentCommand command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("source", "webhook", "actor", "stripe")));
    }

    private static Map<String, Object> settlement(String id, long gross, long fee) {
        return Map.of(
                "settlementId", id,
                "grossAmount", gross,
                "fee", fee,
                "netAmount", gross - fee,
                "settledAt", "2026-11-20T06:00:00Z");
    }

    private boolean allCaughtUp() {
        return PROJECTIONS.stream().allMatch(projections::isCaughtUp);
    }

    /** Every read-model table as text, row by row in primary-key order. */
    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        TABLES.forEach((table, key) -> tables.put(
                table,
                jdbc.sql("SELECT t::text FROM " + table + " t ORDER BY " + key)
                        .query(String.class)
                        .list()));
        return tables;
    }

    private Map<String, String> statuses(String customer) {
        Map<String, String> statuses = new LinkedHashMap<>();
        jdbc.sql("SELECT payment_id, status FROM payment_view WHERE customer_id = ?")
                .param(customer)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(entry -> statuses.put(entry.getKey(), entry.getValue()));
        return statuses;
    }

    private long head() {
        return jdbc.sql("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    private void eventually(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + PATIENCE + ": " + what + "; " + projections.statuses());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
