package io.ledger.app.simulation;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static io.ledger.app.support.LedgerApi.newRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.Provider;
import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerDb.StoredEvent;
import io.ledger.app.support.LedgerIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/payments/{id}/simulate} over HTTP on real PostgreSQL: each outcome moves the payment as the
 * provider's word would, every event it caused says {@code source: simulation} (and names the caller and the request),
 * repeats change nothing, and every refusal leaves nothing behind.
 */
@LedgerIntegrationTest
class SimulationIT {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    LedgerApi api;
    LedgerDb db;
    String customer;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customer = "cus_sim_" + UUID.randomUUID();
    }

    @Test
    void thePaymentFollowsEachOutcomeAndItsEventsSaySimulation() {
        String id = create(1999, null);

        JsonNode actionRequired = simulateOk(id, "require_action");
        assertThat(actionRequired.get("status").asString()).isEqualTo("requires_action");
        JsonNode processing = simulateOk(id, "process");
        assertThat(processing.get("status").asString()).isEqualTo("processing");
        JsonNode failed = simulateOk(id, "fail");
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.at("/failure/code").asString()).isEqualTo("card_declined");
        assertThat(failed.at("/failure/message").asString()).isEqualTo("Your card was declined.");
        JsonNode succeeded = simulateOk(id, "succeed");
        assertThat(succeeded.get("status").asString()).isEqualTo("succeeded");
        assertThat(succeeded.get("failure").isNull()).isTrue();

        JsonNode settled = simulateOk(id, "settle");
        assertThat(settled.get("status").asString()).isEqualTo("succeeded");
        assertThat(settled.at("/reconciliation/status").asString()).isEqualTo("matched");
        assertThat(settled.at("/reconciliation/settlementId").asString()).isEqualTo("sim_txn_" + id);
        assertThat(settled.at("/reconciliation/fee").asLong()).isEqualTo(88); // 2.9% of 19.99, plus 0.30
        assertThat(settled.at("/reconciliation/netAmount").asLong()).isEqualTo(1911);

        JsonNode disputed = simulateOk(id, "dispute");
        assertThat(disputed.get("status").asString())
                .as("a dispute leaves the status")
                .isEqualTo("succeeded");
        JsonNode dispute = dispute(id, disputed);
        assertThat(dispute.get("id").asString()).isEqualTo("sim_dp_" + id);
        assertThat(dispute.get("status").asString()).isEqualTo("open");
        assertThat(dispute.get("amount").asLong()).isEqualTo(1999);
        assertThat(dispute.get("fee").asLong()).isEqualTo(1500);
        JsonNode lost = simulateOk(id, "lose_dispute");
        assertThat(dispute(id, lost).get("status").asString()).isEqualTo("lost");

        assertThat(db.eventsOf(id))
                .extracting(StoredEvent::type)
                .containsExactly(
                        "PaymentCreated",
                        "PaymentActionRequired",
                        "PaymentProcessingStarted",
                        "PaymentFailed",
                        "PaymentSucceeded",
                        "PaymentReconciled",
                        "DisputeOpened",
                        "DisputeLost");
        JsonNode audited =
                api.get("/api/audit/payments/" + id + "/events").json().get("data");
        assertThat(audited).hasSize(8);
        assertThat(audited.get(0).at("/metadata/source").asString()).isEqualTo("api");
        for (JsonNode event :
                StreamSupport.stream(audited.spliterator(), false).skip(1).toList()) {
            assertThat(event.at("/metadata/source").asString())
                    .as("source of %s", event.get("type").asString())
                    .isEqualTo("simulation");
            assertThat(event.at("/metadata/actor").asString()).isEqualTo(TestTokens.ADMIN_SUBJECT);
        }
        assertThat(api.get("/api/ledger/trial-balance").json().get("balanced").asBoolean())
                .isTrue();
    }

    @Test
    void aWonDisputeGivesBackWhatWasNotRefunded() {
        String id = create(5000, "pm_card_visa");
        assertThat(api.post("/api/payments/" + id + "/refunds", Map.of("amount", 1200))
                        .status())
                .isEqualTo(201);

        JsonNode disputed = simulateOk(id, "dispute");
        assertThat(dispute(id, disputed).get("amount").asLong()).isEqualTo(3800);
        JsonNode won = simulateOk(id, "win_dispute");

        assertThat(won.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(dispute(id, won).get("status").asString()).isEqualTo("won");
        assertThat(db.eventsOf(id))
                .extracting(StoredEvent::type, StoredEvent::source)
                .endsWith(
                        org.assertj.core.groups.Tuple.tuple("DisputeOpened", "simulation"),
                        org.assertj.core.groups.Tuple.tuple("DisputeWon", "simulation"));
    }

    @Test
    void theRequestsIdIsTheEventsCorrelationId() {
        String id = create(1500, null);
        String requestId = newRequestId();

        Answer answer = simulate(id, "succeed", "X-Request-Id", requestId);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.header("X-Request-Id")).isEqualTo(requestId);
        StoredEvent succeeded = last(db.eventsOf(id));
        assertThat(succeeded.type()).isEqualTo("PaymentSucceeded");
        assertThat(succeeded.correlationId()).isEqualTo(requestId);
        assertThat(succeeded.source()).isEqualTo("simulation");
    }

    @Test
    void aRepeatedOutcomeChangesNothingAndAnswersThePaymentAsItStands() {
        String id = create(2500, "pm_card_visa");
        simulateOk(id, "settle");
        simulateOk(id, "dispute");
        long events = db.eventsOf(id).size();

        for (String outcome : List.of("succeed", "settle", "dispute")) {
            JsonNode again = simulateOk(id, outcome);
            assertThat(again.get("version").asLong()).as(outcome).isEqualTo(events);
        }
        simulateOk(id, "win_dispute");
        simulateOk(id, "win_dispute");

        assertThat(db.eventsOf(id)).hasSize((int) events + 1);
    }

    @Test
    void anOutcomeThePaymentCannotTakeIs409AndRecordsNothing() {
        String succeeded = create(1000, "pm_card_visa");
        String pending = create(1000, null);
        String canceled = create(1000, null);
        assertThat(api.post("/api/payments/" + canceled + "/cancel", null).status())
                .isEqualTo(200);
        String refunded = create(1000, "pm_card_visa");
        assertThat(api.post("/api/payments/" + refunded + "/refunds", null).status())
                .isEqualTo(201);
        String won = create(1000, "pm_card_visa");
        simulateOk(won, "dispute");
        simulateOk(won, "win_dispute");

        assertRefused(succeeded, "fail"); // a succeeded payment never goes back to failed
        assertRefused(succeeded, "process");
        assertRefused(succeeded, "require_action");
        assertRefused(succeeded, "win_dispute"); // no dispute to decide
        assertRefused(canceled, "succeed");
        assertRefused(canceled, "fail");
        assertRefused(pending, "settle"); // nothing captured
        assertRefused(pending, "dispute");
        assertRefused(refunded, "dispute"); // nothing left to dispute
        assertRefused(won, "lose_dispute");
    }

    @Test
    void aProcessingPaymentCannotBeAskedForCustomerAction() {
        String id = create(1000, null);
        simulateOk(id, "process");

        assertRefused(id, "require_action");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"outcome\":null}", "{\"outcome\":\"explode\"}", "{\"outcome\":\"SUCCEED\"}"})
    void aMissingOrUnknownOutcomeIs400NamingItAndStoresNothing(String body) {
        String id = create(1000, null);
        String key = newIdempotencyKey();

        Answer answer = api.post(path(id), body, "Idempotency-Key", key);

        assertProblem(answer, 400, "validation_failed");
        assertThat(fields(answer)).containsExactly("outcome");
        assertNothingStored(id, key);
    }

    @Test
    void noBodyIs400NamingTheOutcome() {
        String id = create(1000, null);
        String key = newIdempotencyKey();

        Answer answer = api.post(path(id), null, "Idempotency-Key", key);

        assertProblem(answer, 400, "validation_failed");
        assertThat(fields(answer)).containsExactly("outcome");
        assertNothingStored(id, key);
    }

    @Test
    void aWrongTypeAnUnknownFieldOrAnotherMediaTypeIs400or415AndStoresNothing() {
        String id = create(1000, null);

        Answer number = api.post(path(id), "{\"outcome\":[1]}");
        assertProblem(number, 400, "validation_failed");
        assertThat(fields(number)).containsExactly("outcome");
        Answer unknown = api.post(path(id), Map.of("outcome", "succeed", "colour", "red"));
        assertProblem(unknown, 400, "validation_failed");
        assertThat(fields(unknown)).containsExactly("colour");
        Answer text = api.postAs(path(id), MediaType.TEXT_PLAIN, "succeed");
        assertProblem(text, 415, "validation_failed");

        assertThat(db.eventsOf(id)).hasSize(1);
    }

    @Test
    void anUnknownPaymentIs404() {
        assertProblem(simulate("pay_" + "0".repeat(24), "succeed"), 404, "payment_not_found");
        assertProblem(simulate("not-a-payment-id", "succeed"), 404, "payment_not_found");
    }

    @Test
    void aStripePaymentHasNoSimulation() {
        PaymentId id = PaymentId.newId();
        commands.sendAndWait(new ImportPaymentCommand(
                id, Money.of(1000, "usd"), customer, null, null, null, Provider.STRIPE, "pi_sim_it", null));

        assertProblem(simulate(id.value(), "succeed"), 404, "not_found");
        assertThat(db.eventsOf(id.value())).extracting(StoredEvent::type).containsExactly("PaymentCreated");
    }

    @Test
    void onlyPaymentsAdminMaySimulate() {
        String id = create(1000, null);
        String key = newIdempotencyKey();
        LedgerApi backend = LedgerApi.as(
                client, TestTokens.mint("shop-backend", "payments:write payments:read refunds:write reconcile:write"));

        Answer refused = backend.post(path(id), Map.of("outcome", "succeed"), "Idempotency-Key", key);
        assertProblem(refused, 403, "forbidden");
        assertNothingStored(id, key);

        Answer admin = LedgerApi.as(client, TestTokens.mint("an-admin", "payments:admin"))
                .post(path(id), Map.of("outcome", "succeed"));
        assertThat(admin.status()).as("%s", admin).isEqualTo(200);
        assertThat(last(db.eventsOf(id)).actor()).isEqualTo("an-admin");
    }

    @Test
    void aRetryWithTheSameKeyIsReplayedAndAnotherOutcomeWithItIsRefused() {
        String id = create(1000, null);
        String key = newIdempotencyKey();

        Answer first = simulate(id, "succeed", "Idempotency-Key", key);
        Answer retry = simulate(id, "succeed", "Idempotency-Key", key);
        Answer other = simulate(id, "fail", "Idempotency-Key", key);

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertProblem(other, 400, "idempotency_key_reuse");
        assertThat(db.eventsOf(id)).extracting(StoredEvent::type).containsExactly("PaymentCreated", "PaymentSucceeded");
        assertThat(db.idempotencyRows(key)).isEqualTo(1);
    }

    private void assertRefused(String id, String outcome) {
        long events = db.eventsOf(id).size();
        String key = newIdempotencyKey();

        Answer answer = simulate(id, outcome, "Idempotency-Key", key);

        assertProblem(answer, 409, "invalid_state_transition");
        assertThat(db.eventsOf(id)).as("events of %s after %s", id, outcome).hasSize((int) events);
        assertThat(db.idempotencyRows(key)).isZero();
    }

    private void assertNothingStored(String id, String key) {
        assertThat(db.eventsOf(id)).extracting(StoredEvent::type).containsExactly("PaymentCreated");
        assertThat(db.idempotencyRows(key)).isZero();
    }

    /** The payment's one dispute, once the read model holds the payment's answer. */
    private JsonNode dispute(String id, JsonNode answer) {
        Answer caughtUp = api.get(
                "/api/payments/" + id, "minVersion", answer.get("version").asString());
        assertThat(caughtUp.status()).as("%s", caughtUp).isEqualTo(200);
        JsonNode disputes = api.get("/api/payments/" + id + "/disputes").json().get("data");
        assertThat(disputes).hasSize(1);
        return disputes.get(0);
    }

    private String create(long amount, String paymentMethod) {
        Map<String, Object> body = paymentMethod == null
                ? Map.of("amount", amount, "currency", "usd", "customerId", customer)
                : Map.of(
                        "amount",
                        amount,
                        "currency",
                        "usd",
                        "customerId",
                        customer,
                        "paymentMethod",
                        paymentMethod,
                        "confirm",
                        true);
        Answer created = api.post("/api/payments", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode simulateOk(String id, String outcome) {
        Answer answer = simulate(id, outcome);
        assertThat(answer.status()).as("%s %s", outcome, answer).isEqualTo(200);
        return answer.json();
    }

    private Answer simulate(String id, String outcome, String... headers) {
        return api.post(path(id), Map.of("outcome", outcome), headers);
    }

    private static StoredEvent last(List<StoredEvent> events) {
        return events.get(events.size() - 1);
    }

    private static String path(String id) {
        return "/api/payments/" + id + "/simulate";
    }

    private static List<String> fields(Answer answer) {
        return StreamSupport.stream(answer.json().get("errors").spliterator(), false)
                .map(error -> error.get("field").asString())
                .toList();
    }
}
