package io.ledger.app.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * What the ledger acknowledged to the clients of a fault test (creates by idempotency key, refunds by payment, answers
 * that were not the call's success), and the checks a fault test ends with: every acknowledged create and refund stored
 * exactly once, each payment answering what was acknowledged, the trial balance balanced and holding the acknowledged
 * sums, the chain verified, the read models equal to a replay, and one receipt per success with no number missing or
 * given twice.
 */
final class Acknowledged {

    /** Every acknowledged refund is of this amount, so the journal's refunds are this times their number. */
    static final long REFUND = 100;

    private final String databaseUrl;
    private final String user;
    private final String password;
    private final Map<String, String> creates = new ConcurrentHashMap<>();
    private final Map<String, Long> amounts = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> refunds = new ConcurrentHashMap<>();
    private final AtomicInteger retriedRequests = new AtomicInteger();
    private final List<String> unexpectedAnswers = Collections.synchronizedList(new ArrayList<>());

    Acknowledged(String databaseUrl, String user, String password) {
        this.databaseUrl = databaseUrl;
        this.user = user;
        this.password = password;
    }

    /** Counts the call as sent more than once when it was. */
    RetryingClient.Answer counted(RetryingClient.Answer answer) {
        if (answer.attempts() > 1) {
            retriedRequests.incrementAndGet();
        }
        return answer;
    }

    /** Notes an answer that is not the call's success. */
    void unexpected(String what, RetryingClient.Answer answer) {
        unexpectedAnswers.add(what + ": " + answer.status() + " " + answer.body());
    }

    void create(String key, String paymentId, long amount) {
        creates.put(key, paymentId);
        amounts.put(paymentId, amount);
    }

    void refund(String paymentId, String refundId) {
        refunds.computeIfAbsent(paymentId, id -> ConcurrentHashMap.newKeySet()).add(refundId);
    }

    int creates() {
        return creates.size();
    }

    int refunds() {
        return refunds.values().stream().mapToInt(Set::size).sum();
    }

    /** How much was asked and acknowledged, for the test's output. */
    String summary(int requests, RetryingClient client) {
        return String.format(
                "%d requests (%d sent more than once, %d sends again in all), %d creates and %d refunds acknowledged",
                requests, retriedRequests.get(), client.retries(), creates.size(), refunds());
    }

    List<String> unexpectedAnswers() {
        return List.copyOf(unexpectedAnswers);
    }

    void eachCreateIsStoredExactlyOnce() throws SQLException {
        Map<String, List<String>> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
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
        creates.forEach((key, paymentId) -> assertThat(stored.get(key))
                .as("the payments stored for %s", key)
                .containsExactly(paymentId));
    }

    void eachRefundIsStoredExactlyOnce() throws SQLException {
        Map<String, List<String>> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT aggregate_identifier, payload->>'refundId'"
                        + " FROM domain_event_entry WHERE payload_type LIKE '%.RefundRequested'")) {
            while (rows.next()) {
                stored.computeIfAbsent(rows.getString(1), k -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        }
        assertThat(stored.keySet()).as("payments with refunds").isEqualTo(refunds.keySet());
        refunds.forEach((paymentId, refundIds) -> assertThat(stored.get(paymentId))
                .as("the refunds stored for %s", paymentId)
                .containsExactlyInAnyOrderElementsOf(refundIds));
    }

    void eachPaymentAnswersWhatWasAcknowledged(RetryingClient client) {
        for (String paymentId : creates.values()) {
            // The events are stored (checked above); the read model of a node just restarted may still be catching up.
            // Asked at once, then every 200 ms: Awaitility waits one poll interval before its first try unless told,
            // which over thousands of payments made this check most of the suite's time.
            JsonNode payment = ok(await().atMost(Duration.ofSeconds(90))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> client.get("/api/payments/" + paymentId), answer -> answer.status() != 404));
            Set<String> refunded = refunds.getOrDefault(paymentId, Set.of());
            assertThat(payment.get("amount").asLong()).isEqualTo(amounts.get(paymentId));
            assertThat(payment.get("status").asString())
                    .isEqualTo(refunded.isEmpty() ? "succeeded" : "partially_refunded");
            List<String> answered = new ArrayList<>();
            payment.get("refunds")
                    .forEach(refund -> answered.add(refund.get("id").asString()));
            assertThat(answered).as("refunds of %s", paymentId).containsExactlyInAnyOrderElementsOf(refunded);
        }
    }

    void theTrialBalanceBalancesAndHoldsWhatWasAcknowledged(RetryingClient client) throws InterruptedException {
        long paid = amounts.values().stream().mapToLong(Long::longValue).sum();
        long refunded = REFUND * refunds();
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

    void theChainVerifiesAndTheReadModelsEqualAReplay(RetryingClient client, String test) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode chain = ok(client.get("/api/audit/verify?readModels=false"));
        while (chain.get("eventsUnchained").asLong() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            chain = ok(client.get("/api/audit/verify?readModels=false"));
        }
        assertThat(chain.get("eventsUnchained").asLong()).as("%s", chain).isZero();
        JsonNode report = ok(client.get("/api/audit/verify"));
        System.out.println(test + ": verified " + report.get("eventsChecked").asLong() + " events");
        assertThat(report.get("chainValid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.get("readModelsConsistent").asBoolean())
                .as("%s", report)
                .isTrue();
        assertThat(report.get("mismatches").size()).as("%s", report).isZero();
    }

    /**
     * Every payment that succeeded in the store has exactly one receipt, and each year's numbers run from 1 to the
     * year's count with none twice, whichever process gave them and whatever was killed while it did.
     */
    void eachSuccessHasOneReceiptAndNoNumberIsMissingOrTwice(RetryingClient client)
            throws SQLException, InterruptedException {
        Set<String> succeeded = paymentIds("SELECT DISTINCT aggregate_identifier FROM domain_event_entry"
                + " WHERE payload_type LIKE '%.PaymentSucceeded'");
        assertThat(succeeded).as("payments that succeeded").containsAll(creates.values());
        // The receipts processor follows the store a moment behind, on whichever node holds its one segment.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> paymentIds("SELECT payment_id FROM receipt").size() >= succeeded.size());
        assertThat(paymentIds("SELECT payment_id FROM receipt"))
                .as("payments with a receipt")
                .isEqualTo(succeeded);
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                Statement query = connection.createStatement();
                ResultSet years = query.executeQuery("SELECT r.year, count(*), count(DISTINCT r.seq), min(r.seq),"
                        + " max(r.seq), max(c.last_number) FROM receipt r JOIN receipt_counter c ON c.year = r.year"
                        + " GROUP BY r.year")) {
            while (years.next()) {
                long receipts = years.getLong(2);
                String year = "receipts of " + years.getInt(1);
                assertThat(years.getLong(3)).as("%s: distinct numbers", year).isEqualTo(receipts);
                assertThat(years.getLong(4)).as("%s: the first number", year).isEqualTo(1);
                assertThat(years.getLong(5)).as("%s: the last number", year).isEqualTo(receipts);
                assertThat(years.getLong(6)).as("%s: the counter", year).isEqualTo(receipts);
            }
        }
        String sample = creates.values().iterator().next();
        JsonNode receipt = ok(client.get("/api/payments/" + sample + "/receipt"));
        assertThat(receipt.get("number").asString()).matches("R-\\d{4}-\\d{6,}");
    }

    private Set<String> paymentIds(String sql) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    static JsonNode ok(RetryingClient.Answer answer) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
        return answer.body();
    }
}
