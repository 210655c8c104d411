package io.ledger.query.audit;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RefundRequested;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Events stored in the shapes of earlier releases, written in SQL as those releases wrote them, are read as today's
 * events everywhere: by the payment itself, by the command side's answer, by the read model and by the audit's
 * replays, while the audit's event listing shows the rows as stored. (In the audit's package, to read a row the way its
 * replays read it.)
 */
@LedgerIntegrationTest
class StoredEventShapesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PROCESSING_STARTED = "io.ledger.api.payment.PaymentProcessingStarted";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    EventMessages replayed;

    @Test
    void aProcessingStoredAsTheLedgersGuessReadsAsAnUnknownOutcome() {
        String id = storedProcessing(", \"outcomeUnknown\": true");

        assertReadAsProcessing(id, PaymentOutcomeUnknown.class);
        assertThat(actionRequiredReported(id))
                .as("only our guess gives way to requires_action")
                .containsExactly("PaymentCreated", "PaymentProcessingStarted", "PaymentActionRequired");
    }

    @Test
    void aProcessingStoredBeforeTheFlagExistedReadsAsAnUnknownOutcome() {
        String id = storedProcessing("");

        assertReadAsProcessing(id, PaymentOutcomeUnknown.class);
        assertThat(actionRequiredReported(id))
                .containsExactly("PaymentCreated", "PaymentProcessingStarted", "PaymentActionRequired");
    }

    @Test
    void aProcessingStoredAsTheProvidersWordReadsAsProcessing() {
        String id = storedProcessing(", \"outcomeUnknown\": false");

        assertReadAsProcessing(id, PaymentProcessingStarted.class);
        assertThat(actionRequiredReported(id))
                .as("a requires_action after the provider's own processing is stale news")
                .containsExactly("PaymentCreated", "PaymentProcessingStarted");
    }

    @Test
    void aRefundStoredWithoutTheStatusItLeftReadsByTheRuleOfItsTime() {
        PaymentId payment = PaymentId.newId();
        RefundId refund = RefundId.newId();
        Money amount = Money.of(2_400, "usd");
        String oldRefundSucceeded = """
                {"paymentId": "%s", "refundId": "%s", "amount": {"minor": 2400, "currency": "USD"},
                 "providerRefundId": "sim_%s", "details": null}
                """.formatted(payment.value(), refund.value(), refund.value());
        store(
                payment,
                current(created(payment, amount)),
                current(new PaymentSucceeded(payment, amount, "sim_" + payment.value(), "pm_card_visa", null)),
                current(new RefundRequested(payment, refund, amount, null, null)),
                new Row("io.ledger.api.payment.RefundSucceeded", null, oldRefundSucceeded));
        LedgerApi api = new LedgerApi(client);

        JsonNode live = readModel(api, payment.value(), 4);
        assertThat(live.get("status").asString()).isEqualTo("refunded");
        assertThat(live.get("amountRefunded").asLong()).isEqualTo(2_400);
        JsonNode asOf = api.get(
                        "/api/audit/payments/" + payment.value(),
                        "asOf",
                        Instant.now().toString())
                .json();
        assertThat(asOf).isEqualTo(live);
        Answer confirmed = api.post("/api/payments/" + payment.value() + "/confirm", null);
        assertThat(confirmed.json().get("status").asString())
                .as("%s", confirmed)
                .isEqualTo("refunded");
        assertThat(confirmed.json().get("refunds")).isEqualTo(live.get("refunds"));
        assertProblem(
                api.post("/api/payments/" + payment.value() + "/refunds", Map.of("amount", 100)),
                409,
                "invalid_state_transition");
    }

    // --- the three readers ----------------------------------------------------------------------------------------

    /**
     * The audit's replays read the stored processing as {@code readAs}; the read model, the payment as of now and the
     * command side's answer all show processing; the event listing shows the row as stored.
     */
    private void assertReadAsProcessing(String id, Class<?> readAs) {
        StoredEvent row = jdbc.sql("SELECT " + StoredEvent.COLUMNS
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1")
                .param(id)
                .query(StoredEvent::row)
                .single();
        assertThat(replayed.of(row).getPayload())
                .as("the stored row as the audit replays it")
                .isInstanceOf(readAs);
        LedgerApi api = new LedgerApi(client);

        JsonNode live = readModel(api, id, 2);
        assertThat(live.get("status").asString()).isEqualTo("processing");
        JsonNode asOf = api.get(
                        "/api/audit/payments/" + id, "asOf", Instant.now().toString())
                .json();
        assertThat(asOf).as("the audit's replay").isEqualTo(live);
        Answer confirmed = api.post("/api/payments/" + id + "/confirm", null);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("processing");
        assertThat(confirmed.json().get("version").asLong()).isEqualTo(2);

        JsonNode listed = api.get("/api/audit/payments/" + id + "/events")
                .json()
                .get("data")
                .get(1);
        assertThat(listed.get("type").asString()).isEqualTo("PaymentProcessingStarted");
        assertThat(listed.get("payload"))
                .as("listed as stored")
                .isEqualTo(LedgerApi.JSON.readTree(jdbc.sql(
                                "SELECT payload::text FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1")
                        .param(id)
                        .query(String.class)
                        .single()));
        JsonNode verified = api.get("/api/audit/verify").json();
        assertThat(verified.get("readModelsConsistent").asBoolean())
                .as("%s", verified)
                .isTrue();
    }

    /** The payment itself, loaded from its events, decides on the provider's late requires_action. */
    private List<String> actionRequiredReported(String id) {
        commands.sendAndWait(new RecordPaymentActionRequiredCommand(PaymentId.of(id), null, "use_stripe_sdk"));
        return new LedgerDb(jdbc)
                .eventsOf(id).stream().map(LedgerDb.StoredEvent::type).toList();
    }

    private static JsonNode readModel(LedgerApi api, String id, long version) {
        return await().atMost(PATIENCE)
                .until(
                        () -> api.get("/api/payments/" + id, "minVersion", Long.toString(version)),
                        answer -> answer.status() == 200)
                .json();
    }

    // --- stored rows ----------------------------------------------------------------------------------------------

    /** A payment created and then recorded processing in the first revision's shape, with {@code flag} as given. */
    private String storedProcessing(String flag) {
        PaymentId payment = PaymentId.newId();
        String processing = """
                {"paymentId": "%s", "providerPaymentId": "sim_%s", "paymentMethod": "pm_card_processing"%s}
                """.formatted(payment.value(), payment.value(), flag);
        store(
                payment,
                current(created(payment, Money.of(3_100, "usd"))),
                new Row(PROCESSING_STARTED, null, processing));
        return payment.value();
    }

    private static PaymentCreated created(PaymentId payment, Money amount) {
        return new PaymentCreated(
                payment,
                amount,
                "cus_shapes_" + UUID.randomUUID(),
                null,
                "stored by an earlier release",
                Map.of(),
                Provider.SIMULATED,
                "sim_" + payment.value(),
                "pm_card_processing");
    }

    /** An event as this release stores it. */
    private Row current(Object event) {
        var serialized = serializer.serialize(event, String.class);
        return new Row(serialized.getType().getName(), serialized.getType().getRevision(), serialized.getData());
    }

    /** The rows of one payment's stream, written in one transaction as Axon's storage engine writes them. */
    private void store(PaymentId payment, Row... rows) {
        String metadata = """
                {"source": "api", "actor": "stored-event-shapes-it", "correlationId": "it-%s"}
                """.formatted(UUID.randomUUID());
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int sequence = 0; sequence < rows.length; sequence++) {
                jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                type, time_stamp, payload_type, payload_revision, payload, meta_data)
                            VALUES (?, ?, ?, 'Payment', ?, ?, ?, ?::jsonb, ?::jsonb)
                            """)
                        .params(
                                UUID.randomUUID().toString(),
                                payment.value(),
                                sequence,
                                DateTimeUtils.formatInstant(Instant.now()),
                                rows[sequence].payloadType(),
                                rows[sequence].revision(),
                                rows[sequence].payload(),
                                metadata)
                        .update();
            }
        });
    }

    private record Row(String payloadType, String revision, String payload) {}
}
