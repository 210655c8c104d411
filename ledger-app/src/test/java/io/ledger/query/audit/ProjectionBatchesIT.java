package io.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerIntegrationTest;
import io.ledger.query.projection.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The projections write a processor batch's changes once, just before it commits: a batch holding many events of one
 * payment must leave exactly the rows that the same events leave handled one batch each, a batch delivered again must
 * change nothing, and a batch that rolls back must leave nothing behind. The events are real ones (payments driven over
 * HTTP through refunds, two settlements and disputes), replayed by the projections' own code into scratch tables
 * ({@link ScratchSchema}) in a transaction that is rolled back, so the live read models are untouched. In the audit's
 * package to reach its replay helpers.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionBatchesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ProjectionHandlers projections;

    @Autowired
    EventMessages messages;

    @Autowired
    CommandGateway commands;

    @Autowired
    Projections processors;

    private final List<String> payments = new ArrayList<>();

    @BeforeAll
    void paymentsWithLongHistories() {
        LedgerApi api = new LedgerApi(client);
        String customer = "cus_batches_" + UUID.randomUUID();
        String refunded = create(api, customer, 6_000, "eur", "pm_card_visa");
        String resettled = create(api, customer, 8_000, "usd", "pm_card_visa");
        String mismatched = create(api, customer, 9_000, "eur", "pm_card_visa");
        String retried = create(api, customer, 1_500, "eur", "pm_card_chargeDeclined");
        String canceled = create(api, customer, 5_000, "usd", "pm_card_chargeDeclined");
        post(api, "/api/payments/" + retried + "/confirm", Map.of("paymentMethod", "pm_card_visa"), 200);
        post(api, "/api/payments/" + canceled + "/cancel", Map.of("reason", "abandoned"), 200);
        post(api, "/api/payments/" + refunded + "/refunds", Map.of("amount", 2_000), 201);
        post(api, "/api/payments/" + refunded + "/refunds", null, 201);
        post(api, "/api/payments/" + resettled + "/reconcile", settlement(7_900, 237), 200);
        post(api, "/api/payments/" + resettled + "/reconcile", settlement(8_000, 240), 200);
        post(api, "/api/payments/" + resettled + "/refunds", Map.of("amount", 500), 201);
        post(api, "/api/payments/" + mismatched + "/reconcile", settlement(8_500, 255), 200);
        disputed(new RecordDisputeOpenedCommand(
                PaymentId.of(resettled),
                "dp_batches_" + UUID.randomUUID(),
                Money.of(2_000, "usd"),
                Money.of(1_500, "usd"),
                "fraudulent"));
        disputed(new RecordDisputeClosedCommand(
                PaymentId.of(mismatched),
                "dp_batches_" + UUID.randomUUID(),
                false,
                Money.of(3_000, "eur"),
                Money.of(1_500, "eur"),
                Money.of(0, "eur"),
                "product_not_received"));
        payments.addAll(List.of(refunded, resettled, mismatched, retried, canceled));
    }

    @Test
    void aBatchOfManyEventsPerPaymentLeavesTheRowsOfOneBatchPerEvent() {
        List<EventMessage<?>> events = events();
        assertThat(events).hasSizeGreaterThan(20);

        Map<String, List<String>> oneByOne = inScratchTables(() -> events.forEach(event -> batch(List.of(event))));
        Map<String, List<String>> together = inScratchTables(() -> batch(events));
        Map<String, List<String>> twice = inScratchTables(() -> {
            batch(events);
            batch(events);
        });

        assertThat(oneByOne.get("payment_view")).hasSize(payments.size());
        assertThat(oneByOne.get("refund_view")).hasSize(3);
        assertThat(oneByOne.get("dispute_view")).hasSize(2);
        assertThat(String.join("\n", oneByOne.get("journal_line"))).contains("settlement_reversal");
        assertThat(oneByOne)
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isNotEmpty());
        assertThat(together).containsExactlyEntriesOf(oneByOne);
        assertThat(twice).as("the batch delivered again").containsExactlyEntriesOf(oneByOne);
    }

    @Test
    void theBatchesEqualWhatTheLiveProcessorsWrote() {
        List<EventMessage<?>> events = events();
        awaitLiveRows();

        Map<String, List<String>> replayed = inScratchTables(() -> batch(events));

        Map<String, List<String>> live = inTransaction(() -> {
            Map<String, List<String>> tables = new LinkedHashMap<>();
            for (String table :
                    List.of("payment_view", "refund_view", "dispute_view", "reconciliation_view", "journal_line")) {
                tables.put(table, rowsOf(table, "payment_id = ANY(?)"));
            }
            return tables;
        });
        live.forEach((table, rows) -> assertThat(replayed.get(table)).as(table).containsExactlyElementsOf(rows));
    }

    @Test
    void aBatchRolledBackLeavesNothingAndDoesNotLeakIntoTheNext() {
        List<EventMessage<?>> events = events();
        String first = payments.get(0);
        List<EventMessage<?>> ofFirst =
                events.stream().filter(event -> ofPayment(event, first)).toList();
        List<EventMessage<?>> ofOthers =
                events.stream().filter(event -> !ofPayment(event, first)).toList();

        Map<String, List<String>> others = inScratchTables(() -> batch(ofOthers));
        Map<String, List<String>> afterRollback = inScratchTables(() -> {
            DefaultUnitOfWork<EventMessage<?>> doomed = DefaultUnitOfWork.startAndGet(ofFirst.get(0));
            ofFirst.forEach(event -> ProjectionHandlers.handle(everyProjection(), event));
            assertThat(rowsOf("payment_view", null))
                    .as("nothing is written before the batch commits")
                    .isEmpty();
            doomed.rollback(new IllegalStateException("the batch failed"));
            batch(ofOthers);
        });

        assertThat(afterRollback).containsExactlyEntriesOf(others);
        assertThat(String.join(
                        "\n",
                        afterRollback.values().stream().flatMap(List::stream).toList()))
                .doesNotContain(first);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** One processor batch, as ScratchFeed delivers it: handled in one unit of work whose prepare-commit writes. */
    private void batch(List<EventMessage<?>> events) {
        ScratchFeed feed = new ScratchFeed();
        events.forEach(event -> feed.deliver(everyProjection(), event));
        feed.flush();
    }

    private List<AnnotationEventHandlerAdapter> everyProjection() {
        return projections.all().values().stream().flatMap(List::stream).toList();
    }

    private static boolean ofPayment(EventMessage<?> event, String paymentId) {
        return ((PaymentEvent) event.getPayload()).paymentId().value().equals(paymentId);
    }

    /** The events of this class's payments, in the order of the store. */
    private List<EventMessage<?>> events() {
        return jdbc
                .query(
                        "SELECT " + StoredEvent.COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ANY(?)"
                                + " ORDER BY global_index",
                        statement -> statement.setArray(
                                1, statement.getConnection().createArrayOf("varchar", payments.toArray())),
                        StoredEvent::row)
                .stream()
                .<EventMessage<?>>map(messages::of)
                .toList();
    }

    /** Runs {@code replay} against empty scratch copies of every read-model table and answers their rows. */
    private Map<String, List<String>> inScratchTables(Runnable replay) {
        return inTransaction(() -> {
            List<String> tables = ReadModelTables.BY_PROCESSOR.values().stream()
                    .flatMap(byTable -> byTable.keySet().stream())
                    .toList();
            ScratchSchema.create(jdbc, tables);
            replay.run();
            Map<String, List<String>> rows = new LinkedHashMap<>();
            tables.forEach(table -> rows.put(table, rowsOf(table, null)));
            return rows;
        });
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    /** A table's rows as text in primary-key order, of this class's payments when {@code where} names them. */
    private List<String> rowsOf(String table, String where) {
        String key = ReadModelTables.BY_PROCESSOR.values().stream()
                .filter(byTable -> byTable.containsKey(table))
                .findFirst()
                .orElseThrow()
                .get(table);
        String sql =
                "SELECT t::text FROM " + table + " t" + (where == null ? "" : " WHERE " + where) + " ORDER BY " + key;
        if (where == null) {
            return jdbc.queryForList(sql, String.class);
        }
        return jdbc.query(
                sql,
                statement ->
                        statement.setArray(1, statement.getConnection().createArrayOf("varchar", payments.toArray())),
                (rs, n) -> rs.getString(1));
    }

    /** Every live processor has handled every stored event. */
    private void awaitLiveRows() {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!ReadModelTables.BY_PROCESSOR.keySet().stream().allMatch(processors::isCaughtUp)) {
            assertThat(Instant.now()).as("the live read models caught up").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String create(LedgerApi api, String customer, long amount, String currency, String method) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of(
                "amount",
                amount,
                "currency",
                currency,
                "customerId",
                customer,
                "paymentMethod",
                method,
                "confirm",
                true));
        return post(api, "/api/payments", body, 201).get("id").asString();
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

    private static Map<String, Object> settlement(long gross, long fee) {
        return Map.of(
                "settlementId",
                "st_" + UUID.randomUUID(),
                "grossAmount",
                gross,
                "fee",
                fee,
                "netAmount",
                gross - fee,
                "settledAt",
                "2026-11-20T06:00:00Z");
    }
}
