package io.ledger.app.faults;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static io.ledger.app.support.LedgerApi.newIdempotencyKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.TcpProxy;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import io.ledger.app.support.TimedHttp;
import io.ledger.app.support.TimedHttp.Timed;
import io.ledger.app.support.stripe.FakeStripe;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

/**
 * A slow, a failing and an unreachable Stripe, tried from outside: the assembled application with the Stripe provider
 * talking to {@link FakeStripe} through a {@link TcpProxy} that can be cut, on a database of its own. At most four
 * Stripe calls at once, a tenth of a second's wait for a place; retries a few milliseconds apart and a circuit breaker
 * that does not open here (command-side tests it), so that each fault is seen as it is.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=stripe_faults",
            "stripe.bulkhead.max-concurrent-calls=" + StripeFaultsIT.BULKHEAD,
            "stripe.bulkhead.max-wait=PT0.1S",
            "stripe.retry.initial-backoff=PT0.01S",
            "stripe.retry.max-backoff=PT0.05S",
            "stripe.circuit-breaker.sliding-window-size=1000",
            "stripe.circuit-breaker.minimum-number-of-calls=1000",
            "ledger.janitor.poll-interval=PT0.2S",
            "ledger.janitor.backoff=1s,1s"
        })
@Import(TestDatabaseContainer.class)
@DirtiesContext
class StripeFaultsIT {

    static final int BULKHEAD = 4;
    private static final String KEY = "Idempotency-Key";
    private static final Duration STRIPE_LATENCY = Duration.ofSeconds(2);
    /**
     * Generous (a fault test, not a benchmark, on a shared two-core machine) but below Stripe's latency: an answer that
     * waited on Stripe, or behind calls that did, cannot be this quick.
     */
    private static final Duration FAST = STRIPE_LATENCY.multipliedBy(3).dividedBy(4);

    private static final FakeStripe stripe = new FakeStripe();
    private static final TcpProxy toStripe =
            new TcpProxy("127.0.0.1", URI.create(stripe.base()).getPort());

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("stripe.secret-key", () -> "sk_test_faults");
        properties.add("stripe.api-base", () -> "http://127.0.0.1:" + toStripe.port());
    }

    @AfterAll
    static void stopStripe() {
        toStripe.close();
        stripe.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TimedHttp http;
    LedgerDb db;

    @BeforeEach
    void setUp() {
        http = new TimedHttp(port);
        db = new LedgerDb(jdbc);
    }

    @AfterEach
    void healStripe() {
        stripe.latency(Duration.ZERO);
        toStripe.restore();
    }

    /** One client's create: its own customer, so its payment can be found; its own key. */
    record Create(String customerId, String key, String json) {
        /** Created and charged with a card that succeeds: two Stripe calls. */
        static Create charged(long amount) {
            return of(amount, true);
        }

        /** Created only, to be confirmed later. */
        static Create pending(long amount) {
            return of(amount, false);
        }

        private static Create of(long amount, boolean charged) {
            String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("amount", amount);
            body.put("currency", "usd");
            body.put("customerId", customerId);
            if (charged) {
                body.put("paymentMethod", "pm_card_visa");
                body.put("confirm", true);
            }
            return new Create(customerId, newIdempotencyKey(), LedgerApi.json(body));
        }
    }

    @Test
    void aSlowStripeStarvesNeitherReadsNorHealthAndTheCallsBeyondItsBulkheadAreRefusedAtOnce() throws Exception {
        stripe.latency(STRIPE_LATENCY);
        int clients = 24;
        List<Create> requests = IntStream.range(0, clients)
                .mapToObj(i -> Create.charged(1000 + i))
                .toList();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Timed>> creates = new ArrayList<>();
        for (Create request : requests) {
            creates.add(senders.submit(() -> {
                start.await();
                return http.post("/api/payments", request.json(), KEY, request.key());
            }));
        }
        start.countDown();
        List<Timed> reads = new ArrayList<>();
        List<Timed> healths = new ArrayList<>();
        while (!creates.stream().allMatch(Future::isDone)) {
            reads.add(http.get("/api/payments?limit=5"));
            healths.add(http.get("/actuator/health"));
            Thread.sleep(100);
        }
        senders.shutdown();

        List<Timed> answers = new ArrayList<>();
        for (Future<Timed> create : creates) {
            answers.add(create.get());
        }
        List<Timed> created = answers.stream().filter(a -> a.status() == 201).toList();
        List<Timed> refused = answers.stream().filter(a -> a.status() != 201).toList();
        System.out.printf(
                "slow Stripe (%d ms a call), %d clients: %d created, %d refused in at most %d ms;"
                        + " %d list probes, slowest %d ms; %d health probes, slowest %d ms%n",
                STRIPE_LATENCY.toMillis(),
                clients,
                created.size(),
                refused.size(),
                slowest(refused).toMillis(),
                reads.size(),
                slowest(reads).toMillis(),
                healths.size(),
                slowest(healths).toMillis());

        assertThat(reads).as("probes made while Stripe was slow").hasSizeGreaterThanOrEqualTo(5);
        assertThat(reads).allSatisfy(read -> {
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.took()).isLessThan(FAST);
        });
        assertThat(healths).allSatisfy(health -> {
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.took()).isLessThan(FAST);
        });
        assertThat(created).as("some got through").isNotEmpty();
        // Each create makes two Stripe calls (create, confirm); the bulkhead lets four at a time, so at least the
        // clients beyond twice four are refused.
        assertThat(refused).hasSizeGreaterThanOrEqualTo(clients - 2 * BULKHEAD);
        assertThat(refused).allSatisfy(answer -> {
            assertProblem(answer.answer(), 503, "provider_unavailable");
            assertThat(answer.answer().header("Retry-After")).isEqualTo("2");
            assertThat(answer.answer().header("X-Request-Id")).isNotBlank();
            assertThat(answer.took()).isLessThan(FAST);
        });

        // Nothing half-stored: a refused create left no payment and no stored answer, so its key is free to retry.
        for (int i = 0; i < clients; i++) {
            Create request = requests.get(i);
            boolean wasCreated = answers.get(i).status() == 201;
            assertThat(db.paymentsOfCustomer(request.customerId())).hasSize(wasCreated ? 1 : 0);
            assertThat(db.idempotencyRows(request.key())).isEqualTo(wasCreated ? 1 : 0);
        }

        // Retried with the same key once Stripe is quick again: the refused are created, the created replayed.
        stripe.latency(Duration.ZERO);
        for (int i = 0; i < clients; i++) {
            Create request = requests.get(i);
            Timed retried = http.post("/api/payments", request.json(), KEY, request.key());
            assertThat(retried.status()).as("%s", retried).isEqualTo(201);
            assertThat(retried.answer().json().get("status").asString()).isEqualTo("succeeded");
            if (answers.get(i).status() == 201) {
                assertThat(retried.answer().header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(retried.answer().body())
                        .isEqualTo(answers.get(i).answer().body());
            }
            List<String> payments = db.paymentsOfCustomer(request.customerId());
            assertThat(payments).hasSize(1);
            String paymentId = payments.get(0);
            assertThat(db.eventsOf(paymentId))
                    .extracting(LedgerDb.StoredEvent::type)
                    .containsExactly("PaymentCreated", "PaymentSucceeded");
            assertThat(stripe.executed("/v1/payment_intents").stream()
                            .filter(r -> paymentId.equals(r.form().get("metadata[paymentId]"))))
                    .as("one PaymentIntent for %s", paymentId)
                    .hasSize(1);
            String intentId = retried.answer().json().get("providerPaymentId").asString();
            assertThat(stripe.executed("/v1/payment_intents/" + intentId + "/confirm"))
                    .as("one confirm at Stripe for %s", paymentId)
                    .hasSize(1);
        }
    }

    @Test
    void aFailingStripeIsAnsweredWithProblemsThatStoreNothingAndARetryWithTheKeySucceeds() {
        stripe.failNext("/v1/payment_intents", 5, 500);
        Create request = Create.charged(2100);

        Timed refused = http.post("/api/payments", request.json(), KEY, request.key());

        assertProblem(refused.answer(), 503, "provider_unavailable");
        assertThat(refused.answer().header("Retry-After")).isEqualTo("30");
        assertThat(refused.answer().header("X-Request-Id")).isNotBlank();
        assertThat(db.paymentsOfCustomer(request.customerId())).isEmpty();
        assertThat(db.idempotencyRows(request.key())).isZero();

        Timed retried = http.post("/api/payments", request.json(), KEY, request.key());
        assertThat(retried.status()).as("%s", retried).isEqualTo(201);
        assertThat(db.paymentsOfCustomer(request.customerId())).hasSize(1);
    }

    @Test
    void anUnreachableStripeRefusesCreatesAndLeavesConfirmsToTheJanitorWhichSettlesThemOnceItIsBack() {
        Create pending = Create.pending(2200);
        Timed created = http.post("/api/payments", pending.json(), KEY, pending.key());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String paymentId = created.answer().json().get("id").asString();
        String intentId = created.answer().json().get("providerPaymentId").asString();

        toStripe.cut();
        Create refusedCreate = Create.charged(2300);
        Timed refused = http.post("/api/payments", refusedCreate.json(), KEY, refusedCreate.key());
        Timed confirmed = http.post(
                "/api/payments/" + paymentId + "/confirm",
                "{\"paymentMethod\": \"pm_card_visa\"}",
                KEY,
                newIdempotencyKey());

        assertProblem(refused.answer(), 503, "provider_unavailable");
        assertThat(refused.took()).isLessThan(Duration.ofSeconds(5));
        assertThat(db.paymentsOfCustomer(refusedCreate.customerId())).isEmpty();
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.answer().json().get("status").asString())
                .as("the outcome is unknown: the janitor will ask Stripe")
                .isEqualTo("processing");
        assertThat(stripe.executed("/v1/payment_intents/" + intentId + "/confirm"))
                .isEmpty();

        toStripe.restore();
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> http.get("/api/payments/" + paymentId)
                                .answer()
                                .json()
                                .get("status")
                                .asString(),
                        "succeeded"::equals);
        assertThat(stripe.executed("/v1/payment_intents/" + intentId + "/confirm"))
                .as("the janitor confirmed once, with the same key")
                .hasSize(1);
        assertThat(db.eventsOf(paymentId))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentOutcomeUnknown", "PaymentSucceeded");
    }

    private static Duration slowest(List<Timed> answers) {
        return answers.stream().map(Timed::took).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }
}
