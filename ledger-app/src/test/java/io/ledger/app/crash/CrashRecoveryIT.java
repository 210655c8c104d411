package io.ledger.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.app.security.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The ledger killed with SIGKILL under load, three times at random moments, and started again on the same database: 8
 * clients create confirmed payments and refund some, each request with an Idempotency-Key and sent again with the same
 * key and body until answered. At the end nothing acknowledged is lost or duplicated, every request was answered, the
 * read models equal a replay of the event store, the trial balance balances and the hash chain verifies.
 *
 * <p>Real processes ({@code target/ledger-app.jar}, which the package phase builds before the integration tests), a
 * database of its own ({@code ledger_crash_<random>}, created by the ledger, dropped after). The kill moments come from
 * a seed, printed, and taken from {@code -Dcrash.seed=} to repeat a run.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 8;
    private static final int KILLS = 3;
    private static final String SERVER_URL =
            System.getProperty("ledger.test.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");

    private final String database =
            "ledger_crash_" + UUID.randomUUID().toString().replace("-", "");
    private final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private LedgerProcess ledger;

    private final Map<String, String> acknowledgedCreates = new ConcurrentHashMap<>();
    private final Map<String, Long> createdAmounts = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledgedRefunds = new ConcurrentHashMap<>();
    private final AtomicInteger retriedRequests = new AtomicInteger();
    private final List<String> unexpectedAnswers = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "crash-recovery"));
        Path log = dir.resolve(database + ".log");
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_DATASOURCE_URL", databaseUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", PASSWORD);
        environment.put("LEDGER_JWT_SECRET", secret);
        environment.put("LEDGER_DATA_DIR", dir.resolve("data").toString());
        environment.put("LEDGER_RATE_LIMIT_PER_SECOND", "0");
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        environment.put("STRIPE_SECRET_KEY", "");
        ledger = new LedgerProcess(environment, LedgerProcess.freePort(), log);
        System.out.println("crash test: ledger console in " + log.toAbsolutePath());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (ledger != null) {
                ledger.close();
            }
        } finally {
            dropDatabase();
        }
    }

    /** Tried for a while: the server may be restarting under someone else's fault run. */
    private void dropDatabase() throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
                    Statement drop = connection.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
                return;
            } catch (SQLException e) {
                if (attempt == 20) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    @Test
    void killedThreeTimesUnderLoadItLosesNothingDuplicatesNothingAndStaysConsistent() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("crash test: seed " + seed + " (-Dcrash.seed=" + seed + " repeats the kill moments)");

        System.out.println("crash test: started in " + ledger.start().toMillis() + " ms");
        RetryingClient client = new RetryingClient(ledger.base(), TestTokens.admin(secret, "crash-client"));
        AtomicBoolean stopping = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<Integer>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int clientNumber = c;
            work.add(clients.submit(() -> drive(client, clientNumber, seed, stopping)));
        }
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                long loadMillis = 3_000 + random.nextInt(5_000);
                Thread.sleep(loadMillis);
                long pid = ledger.pid();
                int before = acknowledgedCreates.size();
                ledger.kill();
                System.out.printf(
                        "crash test: kill %d (SIGKILL pid %d) after %d ms of load, %d creates acknowledged%n",
                        kill, pid, loadMillis, before);
                System.out.println("crash test: restarted in " + ledger.start().toMillis() + " ms");
            }
            Thread.sleep(3_000);
        } finally {
            stopping.set(true);
            clients.shutdown();
        }
        assertThat(clients.awaitTermination(3, TimeUnit.MINUTES))
                .as("every client's last request answered")
                .isTrue();
        int requests = 0;
        for (Future<Integer> each : work) {
            requests += each.get();
        }
        System.out.printf(
                "crash test: %d requests (%d sent more than once, %d sends again in all), %d creates and %d refunds"
                        + " acknowledged%n",
                requests,
                retriedRequests.get(),
                client.retries(),
                acknowledgedCreates.size(),
                acknowledgedRefunds.size());

        assertThat(unexpectedAnswers)
                .as("answers other than the call's success")
                .isEmpty();
        assertThat(acknowledgedCreates).hasSizeGreaterThan(KILLS * CLIENTS);
        assertThat(acknowledgedRefunds).isNotEmpty();
        eachAcknowledgedCreateIsStoredExactlyOnce();
        eachAcknowledgedRefundIsStoredExactlyOnce();
        eachPaymentAnswersWhatWasAcknowledged(client);
        theTrialBalanceBalancesAndHoldsWhatWasAcknowledged(client);
        theChainVerifiesAndTheReadModelsEqualAReplay(client);
    }

    /** One client: creates confirmed payments, refunding every third; returns how many requests it made. */
    private int drive(RetryingClient client, int clientNumber, long seed, AtomicBoolean stopping) throws Exception {
        Random random = new Random(seed + clientNumber);
        int requests = 0;
        for (int n = 0; !stopping.get(); n++) {
            String key = "crash-" + clientNumber + "-" + n;
            long amount = 1_000 + random.nextInt(9_000);
            RetryingClient.Answer created = client.post(
                    "/api/payments",
                    key,
                    Map.of(
                            "amount",
                            amount,
                            "currency",
                            "usd",
                            "customerId",
                            "cus_crash_" + clientNumber,
                            "paymentMethod",
                            "pm_card_visa",
                            "confirm",
                            true,
                            "metadata",
                            Map.of("crashKey", key)));
            requests++;
            countRetried(created);
            if (created.status() != 201
                    || !created.body().get("status").asString().equals("succeeded")) {
                unexpectedAnswers.add("create " + key + ": " + created.status() + " " + created.body());
                continue;
            }
            String paymentId = created.body().get("id").asString();
            acknowledgedCreates.put(key, paymentId);
            createdAmounts.put(paymentId, amount);
            if (n % 3 == 0) {
                RetryingClient.Answer refunded = client.post(
                        "/api/payments/" + paymentId + "/refunds",
                        "crash-refund-" + clientNumber + "-" + n,
                        Map.of("amount", 100, "reason", "requested_by_customer"));
                requests++;
                countRetried(refunded);
                if (refunded.status() != 201) {
                    unexpectedAnswers.add("refund of " + paymentId + ": " + refunded.status() + " " + refunded.body());
                    continue;
                }
                acknowledgedRefunds.put(paymentId, refunded.body().get("id").asString());
            }
        }
        return requests;
    }

    private void countRetried(RetryingClient.Answer answer) {
        if (answer.attempts() > 1) {
            retriedRequests.incrementAndGet();
        }
    }

    private void eachAcknowledgedCreateIsStoredExactlyOnce() throws SQLException {
        Map<String, List<String>> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl(), USER, PASSWORD);
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT payload->'metadata'->>'crashKey', aggregate_identifier"
                        + " FROM domain_event_entry WHERE payload_type LIKE '%.PaymentCreated'")) {
            while (rows.next()) {
                stored.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        }
        assertThat(stored.values())
                .as("payments created per idempotency key")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        acknowledgedCreates.forEach((key, paymentId) -> assertThat(stored.get(key))
                .as("the payments stored for %s", key)
                .containsExactly(paymentId));
    }

    private void eachAcknowledgedRefundIsStoredExactlyOnce() throws SQLException {
        Map<String, Integer> requested = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl(), USER, PASSWORD);
                PreparedStatement query = connection.prepareStatement("SELECT aggregate_identifier, count(*)"
                        + " FROM domain_event_entry WHERE payload_type LIKE '%.RefundRequested'"
                        + " GROUP BY aggregate_identifier");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                requested.put(rows.getString(1), rows.getInt(2));
            }
        }
        assertThat(requested.keySet()).as("payments with refunds").isEqualTo(acknowledgedRefunds.keySet());
        assertThat(requested.values()).as("refunds per payment").containsOnly(1);
    }

    private void eachPaymentAnswersWhatWasAcknowledged(RetryingClient client) throws InterruptedException {
        for (String paymentId : acknowledgedCreates.values()) {
            // The events are stored (checked above); the read model of a node just restarted may still be catching up.
            // Asked at once, then every 200 ms: Awaitility waits one poll interval before its first try unless told,
            // which over thousands of payments made this check most of the suite's time.
            JsonNode payment = ok(await().atMost(Duration.ofSeconds(90))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.get("/api/payments/" + paymentId), answer -> answer.status() != 404));
            String refundId = acknowledgedRefunds.get(paymentId);
            assertThat(payment.get("amount").asLong()).isEqualTo(createdAmounts.get(paymentId));
            assertThat(payment.get("status").asString())
                    .isEqualTo(refundId == null ? "succeeded" : "partially_refunded");
            List<String> refunds = new ArrayList<>();
            payment.get("refunds")
                    .forEach(refund -> refunds.add(refund.get("id").asString()));
            assertThat(refunds)
                    .as("refunds of %s", paymentId)
                    .isEqualTo(refundId == null ? List.of() : List.of(refundId));
        }
    }

    private void theTrialBalanceBalancesAndHoldsWhatWasAcknowledged(RetryingClient client) throws Exception {
        long paid = createdAmounts.values().stream().mapToLong(Long::longValue).sum();
        long refunded = 100L * acknowledgedRefunds.size();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode trialBalance;
        do {
            trialBalance = ok(client.get("/api/ledger/trial-balance"));
            assertThat(trialBalance.get("balanced").asBoolean())
                    .as("%s", trialBalance)
                    .isTrue();
            if (line(trialBalance, "customer_payments", "credits") == paid
                    && line(trialBalance, "refunds", "debits") == refunded) {
                return;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        assertThat(line(trialBalance, "customer_payments", "credits"))
                .as("paid in, by the journal")
                .isEqualTo(paid);
        assertThat(line(trialBalance, "refunds", "debits"))
                .as("refunded, by the journal")
                .isEqualTo(refunded);
    }

    private static long line(JsonNode trialBalance, String account, String side) {
        for (JsonNode line : trialBalance.get("accounts")) {
            if (line.get("account").asString().equals(account)
                    && line.get("currency").asString().equals("usd")) {
                return line.get(side).asLong();
            }
        }
        return 0;
    }

    private void theChainVerifiesAndTheReadModelsEqualAReplay(RetryingClient client) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode chain = ok(client.get("/api/audit/verify?readModels=false"));
        while (chain.get("eventsUnchained").asLong() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            chain = ok(client.get("/api/audit/verify?readModels=false"));
        }
        assertThat(chain.get("eventsUnchained").asLong()).as("%s", chain).isZero();
        JsonNode report = ok(client.get("/api/audit/verify"));
        System.out.println("crash test: verified " + report.get("eventsChecked").asLong() + " events");
        assertThat(report.get("chainValid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.get("readModelsConsistent").asBoolean())
                .as("%s", report)
                .isTrue();
        assertThat(report.get("mismatches").size()).as("%s", report).isZero();
    }

    private static JsonNode ok(RetryingClient.Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }

    private String databaseUrl() {
        return SERVER_URL.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
    }
}
