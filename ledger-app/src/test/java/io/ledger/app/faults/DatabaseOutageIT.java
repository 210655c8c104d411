package io.ledger.app.faults;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.TcpProxy;
import io.ledger.app.support.TestDatabase;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import io.ledger.app.support.TimedHttp;
import io.ledger.app.support.TimedHttp.Timed;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL gone for six seconds under four clients, tried from outside: the assembled application reaches its own
 * database through a {@link TcpProxy}, which the test cuts (every connection reset, new ones refused, as when the
 * server stops) and restores. While it is down every call answers a 503 problem within a few seconds and readiness is
 * DOWN; afterwards the ledger recovers by itself, every request retried with its Idempotency-Key is done exactly once,
 * the read models catch up and equal a replay, the trial balance balances and the hash chain verifies.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=" + DatabaseOutageIT.DATABASE_SUFFIX)
@Import(TestDatabaseContainer.class)
@DirtiesContext
class DatabaseOutageIT {

    static final String DATABASE_SUFFIX = "db_outage";
    private static final String KEY = "Idempotency-Key";
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    /** "Within a few seconds": the pool's wait for a connection plus the request's own work, on a busy machine. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    private static final int CLIENTS = 4;

    private static TcpProxy toPostgres;

    @BeforeAll
    static void assumeAServerOfOurOwn() {
        assumeThat(TestDatabase.useContainer())
                .as("the proxy stands in front of the server named by " + TestDatabase.URL_PROPERTY)
                .isFalse();
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry properties) {
        URI server = URI.create(System.getProperty(TestDatabase.URL_PROPERTY).substring("jdbc:".length()));
        toPostgres = new TcpProxy(server.getHost(), server.getPort() == -1 ? 5432 : server.getPort());
        properties.add(
                "spring.datasource.url",
                () -> "jdbc:postgresql://127.0.0.1:" + toPostgres.port() + "/" + TestDatabase.NAME + "_"
                        + DATABASE_SUFFIX);
    }

    @AfterAll
    static void closeProxy() {
        if (toPostgres != null) {
            toPostgres.close();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TimedHttp http;

    @BeforeEach
    void setUp() {
        http = new TimedHttp(port);
    }

    /** One client's request: a charged payment for a customer of its own, with its own key. */
    record Create(String customerId, String key, String json) {
        static Create next() {
            String customerId = "cus_outage_" + UUID.randomUUID();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", 1500);
            body.put("currency", "usd");
            body.put("customerId", customerId);
            body.put("paymentMethod", "pm_card_visa");
            body.put("confirm", true);
            return new Create(customerId, newIdempotencyKey(), LedgerApi.json(body));
        }
    }

    @Test
    void whileThePostgresIsDownCallsAnswer503AtOnceAndAfterwardsEveryRetriedRequestIsDoneExactlyOnce()
            throws Exception {
        List<Create> made = Collections.synchronizedList(new ArrayList<>());
        List<Create> unanswered = Collections.synchronizedList(new ArrayList<>());
        List<Timed> refused = Collections.synchronizedList(new ArrayList<>());
        List<Timed> duringOutage = Collections.synchronizedList(new ArrayList<>());
        List<Timed> readinessDuringOutage = new ArrayList<>();
        List<Timed> readsDuringOutage = new ArrayList<>();
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();

        // Four clients creating payments, each request kept until it was answered 201.
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    Create request = Create.next();
                    made.add(request);
                    boolean outage = down.get();
                    Timed answer = http.post("/api/payments", request.json(), KEY, request.key());
                    if (answer.status() != 201) {
                        unanswered.add(request);
                        refused.add(answer);
                    }
                    if (outage && down.get()) {
                        duringOutage.add(answer);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1_500);
        assertThat(unanswered).as("nothing fails before the outage").isEmpty();

        toPostgres.cut();
        down.set(true);
        long cutAt = System.nanoTime();
        while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
            readinessDuringOutage.add(http.get("/actuator/health/readiness"));
            readsDuringOutage.add(http.get("/api/payments?limit=5"));
            Thread.sleep(250);
        }
        down.set(false);
        toPostgres.restore();
        long restoredAt = System.nanoTime();
        Duration readyAfter = awaitReadiness();
        stop.set(true);
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        Duration createsAfter = Duration.ofNanos(System.nanoTime() - restoredAt);

        System.out.printf(
                "PostgreSQL cut for %d ms under %d clients: %d requests made, %d answered during the outage (slowest"
                        + " %d ms, statuses %s), %d reads (slowest %d ms), readiness %s; ready again %d ms after the"
                        + " restore%n",
                OUTAGE.toMillis(),
                CLIENTS,
                made.size(),
                duringOutage.size(),
                slowest(duringOutage).toMillis(),
                duringOutage.stream().map(Timed::status).distinct().toList(),
                readsDuringOutage.size(),
                slowest(readsDuringOutage).toMillis(),
                readinessDuringOutage.stream().map(Timed::status).distinct().toList(),
                readyAfter.toMillis());

        assertThat(duringOutage)
                .as("requests answered while the database was down")
                .isNotEmpty();
        assertThat(duringOutage).allSatisfy(this::isAQuickServiceUnavailableProblem);
        // Also those in flight when the connections were reset, and those after the restore before the pool recovered.
        assertThat(refused).allSatisfy(this::isAQuickServiceUnavailableProblem);
        assertThat(readsDuringOutage).allSatisfy(this::isAQuickServiceUnavailableProblem);
        // The first probe may come before the pool notices; every later one is DOWN.
        assertThat(readinessDuringOutage.subList(1, readinessDuringOutage.size()))
                .allSatisfy(readiness -> {
                    assertThat(readiness.status()).as("%s", readiness).isEqualTo(503);
                    assertThat(readiness.answer().json().get("status").asString())
                            .isEqualTo("DOWN");
                    assertThat(readiness.took()).isLessThan(ANSWER_BOUND);
                });
        assertThat(readyAfter).as("ready again by itself").isLessThan(Duration.ofSeconds(10));

        // Every unanswered request retried with its key: each done exactly once.
        for (Create request : List.copyOf(unanswered)) {
            Timed retried = http.post("/api/payments", request.json(), KEY, request.key());
            assertThat(retried.status()).as("%s", retried).isEqualTo(201);
        }
        LedgerDb db = new LedgerDb(jdbc);
        List<String> paymentIds = new ArrayList<>();
        for (Create request : made) {
            List<String> payments = db.paymentsOfCustomer(request.customerId());
            assertThat(payments).as("payments of %s", request.customerId()).hasSize(1);
            paymentIds.add(payments.get(0));
            assertThat(db.eventsOf(payments.get(0)))
                    .extracting(LedgerDb.StoredEvent::type)
                    .containsExactly("PaymentCreated", "PaymentSucceeded");
            assertThat(db.idempotencyRows(request.key())).isEqualTo(1);
        }
        assertThat(db.events()).isEqualTo(2L * made.size());

        // The processors resumed: every read model caught up, equals a fresh replay, and balances.
        long catchUpFrom = System.nanoTime();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    for (String id : paymentIds) {
                        Timed payment = http.get("/api/payments/" + id);
                        assertThat(payment.status()).as("%s", payment).isEqualTo(200);
                        assertThat(payment.answer().json().get("status").asString())
                                .isEqualTo("succeeded");
                    }
                });
        Duration caughtUp = Duration.ofNanos(System.nanoTime() - catchUpFrom);
        JsonNode verified = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> http.get("/api/audit/verify").answer().json(),
                        verify -> verify.get("readModelsConsistent").asBoolean());
        assertThat(verified.get("chainValid").asBoolean()).as("%s", verified).isTrue();
        assertThat(verified.get("eventsChecked").asLong()).isEqualTo(2L * made.size());
        JsonNode balance = http.get("/api/ledger/trial-balance").answer().json();
        assertThat(balance.get("balanced").asBoolean()).as("%s", balance).isTrue();
        System.out.printf(
                "after the restore: %d requests retried with their keys, every create answered %d ms after the"
                        + " restore, read models caught up %d ms later%n",
                unanswered.size(), createsAfter.toMillis(), caughtUp.toMillis());
    }

    @Test
    void everyConnectionOfTheLedgerCarriesTheStatementTimeout() {
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single())
                .isEqualTo("30s");
    }

    private void isAQuickServiceUnavailableProblem(Timed answer) {
        assertProblem(answer.answer(), 503, "service_unavailable");
        assertThat(answer.answer().header("Retry-After")).isNotBlank();
        assertThat(answer.answer().header("X-Request-Id")).isNotBlank();
        assertThat(answer.took()).as("%s", answer).isLessThan(ANSWER_BOUND);
    }

    /** How long after the restore readiness is UP again. */
    private Duration awaitReadiness() {
        long from = System.nanoTime();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> http.get("/actuator/health/readiness").status() == 200);
        return Duration.ofNanos(System.nanoTime() - from);
    }

    private static Duration slowest(List<Timed> answers) {
        return answers.stream().map(Timed::took).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }
}
