package io.ledger.app;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static io.ledger.app.support.LedgerApi.newRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.CommitCrasher;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerDb.StoredEvent;
import io.ledger.app.support.LedgerIntegrationTest;
import io.ledger.app.support.ProviderGate;
import io.ledger.query.projection.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Stripe's idempotency semantics (contract, "Idempotency"), over HTTP against the assembled application. */
@LedgerIntegrationTest
class IdempotencyIT {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProviderGate gate;

    @Autowired
    CommitCrasher crasher;

    @Autowired
    ApplicationContext context;

    @Autowired
    Projections projections;

    LedgerApi api;
    LedgerDb db;
    String customerId;
    String key;

    @BeforeEach
    void setUp() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customerId = "cus_" + UUID.randomUUID();
        key = newIdempotencyKey();
    }

    @Test
    void retryWithTheSameKeyAndBodyReplaysTheFirstAnswerAndCausesNothing() {
        Map<String, Object> body = charge(2500);
        Answer first = api.post("/api/payments", body, KEY, key, "X-Request-Id", "first-" + key);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();
        String id = first.json().get("id").asString();

        String retryRequestId = newRequestId();
        Answer retry = api.post("/api/payments", body, KEY, key, "X-Request-Id", retryRequestId);

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("X-Request-Id")).isEqualTo(retryRequestId);
        assertThat(db.paymentsOfCustomer(customerId)).containsExactly(id);
        assertThat(db.eventsOf(id))
                .hasSize(first.json().get("version").asInt())
                .extracting(StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentSucceeded");
        assertThat(db.eventsMentioning(retryRequestId)).isZero();
        assertThat(db.idempotencyRows(key)).isOne();
    }

    @Test
    void replayedConfirmDoesNotChargeAgain() {
        String id = created(Map.of("amount", 4200, "currency", "usd", "customerId", customerId));
        Map<String, Object> declinedCard = Map.of("paymentMethod", "pm_card_chargeDeclined");

        Answer first = api.post("/api/payments/" + id + "/confirm", declinedCard, KEY, key);
        Answer retry = api.post("/api/payments/" + id + "/confirm", declinedCard, KEY, key);

        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("failed");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        // A failed payment can be confirmed again, so a second execution would have recorded a second failure.
        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentFailed");
    }

    @Test
    void sameKeyWithAnotherBodyOrEndpointIsAReuse() {
        Answer first = api.post("/api/payments", charge(2500), KEY, key);
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        String id = first.json().get("id").asString();

        Answer otherBody = api.post("/api/payments", charge(2600), KEY, key);
        assertProblem(otherBody, 400, "idempotency_key_reuse");
        assertThat(otherBody.header(REPLAYED)).isNull();

        Answer otherEndpoint = api.post("/api/payments/" + id + "/refunds", null, KEY, key);
        assertProblem(otherEndpoint, 400, "idempotency_key_reuse");

        assertThat(db.paymentsOfCustomer(customerId)).containsExactly(id);
        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentSucceeded");

        Answer original = api.post("/api/payments", charge(2500), KEY, key);
        assertThat(original.header(REPLAYED)).isEqualTo("true");
        assertThat(original.json()).isEqualTo(first.json());
    }

    @Test
    void sameKeyWhileTheFirstRequestRunsIsInUseThenReplays() throws Exception {
        Map<String, Object> body = charge(3100);
        ProviderGate.Hold hold = gate.holdNextCreateFor(customerId);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Answer> first = executor.submit(() -> api.post("/api/payments", body, KEY, key));
            hold.awaitHeld();

            Answer concurrent = api.post("/api/payments", body, KEY, key);
            assertProblem(concurrent, 409, "idempotency_key_in_use");
            assertThat(db.paymentsOfCustomer(customerId)).isEmpty();

            hold.release();
            Answer firstAnswer = first.get(30, TimeUnit.SECONDS);
            assertThat(firstAnswer.status()).as("%s", firstAnswer).isEqualTo(201);
            assertThat(firstAnswer.header(REPLAYED)).isNull();

            Answer retry = api.post("/api/payments", body, KEY, key);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header(REPLAYED)).isEqualTo("true");
            assertThat(retry.json()).isEqualTo(firstAnswer.json());
            assertThat(db.paymentsOfCustomer(customerId))
                    .containsExactly(firstAnswer.json().get("id").asString());
        } finally {
            hold.release();
            executor.shutdownNow();
        }
    }

    @Test
    void crashBeforeCommitLeavesNothingAndTheRetryExecutesOnce() {
        Map<String, Object> body = charge(5100);
        String crashedRequestId = newRequestId();

        Answer crashed = api.post(
                "/api/payments", body, KEY, key, "X-Request-Id", crashedRequestId, CommitCrasher.HEADER, "true");

        assertThat(crashed.status()).as("%s", crashed).isEqualTo(500);
        // The command had run: its events and the stored answer were in the transaction that failed to commit.
        CommitCrasher.Crash crash = crasher.crashOf(crashedRequestId).orElseThrow();
        assertThat(crash.status()).isEqualTo(201);
        assertThat(crash.events()).isEqualTo(2);
        assertThat(crash.idempotencyRows()).isOne();
        // None of it survived.
        assertThat(db.paymentsOfCustomer(customerId)).isEmpty();
        assertThat(db.eventsMentioning(crashedRequestId)).isZero();
        assertThat(db.idempotencyRows(key)).isZero();

        Answer retry = api.post("/api/payments", body, KEY, key);
        assertThat(retry.status()).as("%s", retry).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isNull();
        String id = retry.json().get("id").asString();

        Answer again = api.post("/api/payments", body, KEY, key);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.json()).isEqualTo(retry.json());
        assertThat(db.paymentsOfCustomer(customerId)).containsExactly(id);
        assertThat(types(id)).containsExactly("PaymentCreated", "PaymentSucceeded");
    }

    @Test
    void invalidRequestStoresNothingSoTheCorrectedOneMayUseTheKey() {
        Answer invalid = api.post("/api/payments", charge(0), KEY, key);
        assertProblem(invalid, 400, "validation_failed");
        assertThat(db.idempotencyRows(key)).isZero();

        Answer corrected = api.post("/api/payments", charge(2500), KEY, key);
        assertThat(corrected.status()).as("%s", corrected).isEqualTo(201);
        assertThat(corrected.header(REPLAYED)).isNull();
        assertThat(db.paymentsOfCustomer(customerId)).hasSize(1);
    }

    @Test
    void conflictStoresNothingSoTheSameRequestSucceedsOnceThePaymentAllowsIt() {
        String id = created(Map.of("amount", 8000, "currency", "usd", "customerId", customerId));
        Map<String, Object> refund = Map.of("amount", 3000);

        Answer tooEarly = api.post("/api/payments/" + id + "/refunds", refund, KEY, key);
        assertProblem(tooEarly, 409, "invalid_state_transition");
        Answer stillTooEarly = api.post("/api/payments/" + id + "/refunds", refund, KEY, key);
        assertProblem(stillTooEarly, 409, "invalid_state_transition");
        assertThat(stillTooEarly.header(REPLAYED)).isNull();
        assertThat(db.idempotencyRows(key)).isZero();
        assertThat(types(id)).containsExactly("PaymentCreated");

        Answer confirmed = api.post("/api/payments/" + id + "/confirm", Map.of("paymentMethod", "pm_card_visa"));
        assertThat(confirmed.json().get("status").asString()).isEqualTo("succeeded");

        Answer refunded = api.post("/api/payments/" + id + "/refunds", refund, KEY, key);
        assertThat(refunded.status()).as("%s", refunded).isEqualTo(201);
        assertThat(refunded.header(REPLAYED)).isNull();
        assertThat(refunded.json().get("amount").asLong()).isEqualTo(3000);
        Answer replayed = api.post("/api/payments/" + id + "/refunds", refund, KEY, key);
        assertThat(replayed.header(REPLAYED)).isEqualTo("true");
        assertThat(replayed.json()).isEqualTo(refunded.json());
        assertThat(types(id))
                .containsExactly("PaymentCreated", "PaymentSucceeded", "RefundRequested", "RefundSucceeded");
    }

    @Test
    void keyLongerThan255CharactersIsInvalidAndStoresNothing() {
        String tooLong = "k".repeat(256);

        Answer answer = api.post("/api/payments", charge(2500), KEY, tooLong);

        assertProblem(answer, 400, "validation_failed");
        assertThat(db.paymentsOfCustomer(customerId)).isEmpty();
        assertThat(db.idempotencyRows(tooLong)).isZero();
    }

    @Test
    void purgeJobForgetsKeysOlderThanADayAndKeepsTheRest() {
        String old = newIdempotencyKey();
        String recent = newIdempotencyKey();
        jdbc.sql("""
                        INSERT INTO idempotency_key
                            (scope, idempotency_key, fingerprint, response_status, response_body, created_at)
                        VALUES ('anonymous', :old, repeat('0', 64), 201, '{}', now() - interval '24 hours 1 minute'),
                               ('anonymous', :recent, repeat('0', 64), 201, '{}', now() - interval '23 hours 59 minutes')
                        """).param("old", old).param("recent", recent).update();
        Object job = context.getBean("idempotencyPurgeJob");

        ReflectionTestUtils.invokeMethod(job, "purge");

        assertThat(db.idempotencyRows(old)).isZero();
        assertThat(db.idempotencyRows(recent)).isOne();
        // The job is not only callable: the application schedules it.
        assertThat(context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                        .flatMap(holder -> holder.getScheduledTasks().stream())
                        .map(task -> task.getTask().toString()))
                .anySatisfy(task -> assertThat(task).endsWith(job.getClass().getName() + ".purge"));
    }

    // --- every POST under /api, not only the payments' ----------------------------------------------------------

    @Test
    void aReadModelRebuildIsStoredByKeySoTheRetryReplaysItsAnswerWithoutRebuildingAgain() {
        created(Map.of(
                "amount",
                1500,
                "currency",
                "usd",
                "customerId",
                customerId,
                "paymentMethod",
                "pm_card_visa",
                "confirm",
                true));

        Answer first = api.post("/api/audit/projections/journal/replay", null, KEY, key);
        assertThat(first.status()).as("%s", first).isEqualTo(202);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(db.idempotencyRows(key)).isOne();
        awaitCaughtUp("journal");
        List<String> rebuiltTokens = tokens("journal");

        Answer retry = api.post("/api/audit/projections/journal/replay", null, KEY, key);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        // A second rebuild would have reset the tokens (in the request's transaction, before it answered).
        assertThat(tokens("journal")).isEqualTo(rebuiltTokens);

        List<String> reconciliationTokens = tokens("reconciliation");
        Answer otherEndpoint = api.post("/api/audit/projections/reconciliation/replay", null, KEY, key);
        assertProblem(otherEndpoint, 400, "idempotency_key_reuse");
        assertThat(tokens("reconciliation")).isEqualTo(reconciliationTokens);
    }

    @Test
    void aDeadLetterRetryIsStoredByKeySoTheRetryReplaysItAndMakesNothingDueAgain() {
        String eventId = deadLetter();

        Answer first = api.post("/api/webhooks/stripe/dead-letters/" + eventId + "/retry", null, KEY, key);
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().get("state").asString()).isEqualTo("received");
        assertThat(first.header(REPLAYED)).isNull();
        // The worker may take it meanwhile; it is dead again before the retry, as if it had failed once more.
        markDead(eventId);

        Answer retry = api.post("/api/webhooks/stripe/dead-letters/" + eventId + "/retry", null, KEY, key);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header(REPLAYED)).isEqualTo("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(state(eventId)).isEqualTo("dead");

        String other = deadLetter();
        assertProblem(
                api.post("/api/webhooks/stripe/dead-letters/" + other + "/retry", null, KEY, key),
                400,
                "idempotency_key_reuse");
        assertThat(state(other)).isEqualTo("dead");
    }

    @Test
    void aDeadLetterRetryAndItsStoredAnswerCommitTogetherOrNotAtAll() {
        String eventId = deadLetter();
        String crashedRequestId = newRequestId();

        Answer crashed = api.post(
                "/api/webhooks/stripe/dead-letters/" + eventId + "/retry",
                null,
                KEY,
                key,
                "X-Request-Id",
                crashedRequestId,
                CommitCrasher.HEADER,
                "true");

        assertThat(crashed.status()).as("%s", crashed).isEqualTo(500);
        CommitCrasher.Crash crash = crasher.crashOf(crashedRequestId).orElseThrow();
        assertThat(crash.status()).isEqualTo(200);
        assertThat(crash.idempotencyRows()).isOne();
        assertThat(state(eventId)).isEqualTo("dead");
        assertThat(db.idempotencyRows(key)).isZero();

        Answer retry = api.post("/api/webhooks/stripe/dead-letters/" + eventId + "/retry", null, KEY, key);
        assertThat(retry.status()).as("%s", retry).isEqualTo(200);
        assertThat(retry.header(REPLAYED)).isNull();
        assertThat(db.idempotencyRows(key)).isOne();
    }

    @Test
    void aFailedDeadLetterRetryStoresNothingSoTheKeyMayBeUsedOnceTheEventIsDead() {
        String eventId = deadLetter();
        markState(eventId, "processed");

        assertProblem(
                api.post("/api/webhooks/stripe/dead-letters/" + eventId + "/retry", null, KEY, key),
                409,
                "invalid_state_transition");
        assertThat(db.idempotencyRows(key)).isZero();

        markDead(eventId);
        Answer retried = api.post("/api/webhooks/stripe/dead-letters/" + eventId + "/retry", null, KEY, key);
        assertThat(retried.status()).as("%s", retried).isEqualTo(200);
        assertThat(retried.header(REPLAYED)).isNull();
    }

    /** A Stripe event parked as dead, of a type the worker ignores should it be made due. */
    private String deadLetter() {
        String eventId = "evt_idem_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("""
                        INSERT INTO stripe_webhook_event
                            (stripe_event_id, event_type, created_at, received_at, payload, state, attempts,
                             next_attempt_at, last_error)
                        VALUES (?, 'customer.created', now(), now(), '{}', 'dead', 8, now(), 'failed 8 times')
                        """).param(eventId).update();
        return eventId;
    }

    private void markDead(String eventId) {
        markState(eventId, "dead");
    }

    private void markState(String eventId, String state) {
        jdbc.sql("UPDATE stripe_webhook_event SET state = ? WHERE stripe_event_id = ?")
                .params(state, eventId)
                .update();
    }

    private String state(String eventId) {
        return jdbc.sql("SELECT state FROM stripe_webhook_event WHERE stripe_event_id = ?")
                .param(eventId)
                .query(String.class)
                .single();
    }

    /** The processor's stored tokens, segment by segment. */
    private List<String> tokens(String processor) {
        return jdbc.sql("""
                        SELECT segment || ' ' || coalesce(token_type, '') || ' ' || coalesce(encode(token, 'hex'), '')
                          FROM token_entry WHERE processor_name = ? ORDER BY segment
                        """).param(processor).query(String.class).list();
    }

    private void awaitCaughtUp(String processor) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!projections.isCaughtUp(processor)) {
            assertThat(Instant.now()).as("%s caught up", processor).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Map<String, Object> charge(long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("currency", "usd");
        body.put("customerId", customerId);
        body.put("paymentMethod", "pm_card_visa");
        body.put("confirm", true);
        return body;
    }

    private String created(Map<String, Object> body) {
        Answer answer = api.post("/api/payments", body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private List<String> types(String id) {
        return db.eventsOf(id).stream().map(StoredEvent::type).toList();
    }
}
