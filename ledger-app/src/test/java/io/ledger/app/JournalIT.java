package io.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.app.security.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal end to end: payments, refunds and settlements (matched, mismatched, corrected) driven over HTTP against
 * the assembled application on a fresh PostgreSQL database, then the accounts, an account's entries page by page, and
 * the trial balance now, in the past and in the future, checked to the minor unit. The projection is asynchronous, so
 * reads wait (boundedly) for the journal to catch up.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
@TestExecutionListeners(
        listeners = JournalIT.DropDatabase.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class JournalIT {

    private static final String SERVER_URL =
            System.getProperty("ledger.test.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String DATABASE = "ledger_journal_it_" + System.currentTimeMillis() + "_"
            + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokens;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    private Instant beforePayments;
    private Instant afterFirstCapture;
    private String mismatchedPayment;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> databaseUrl(SERVER_URL, DATABASE));
    }

    @BeforeAll
    void recordPayments() throws Exception {
        // Event timestamps are cut to the millisecond: stay a millisecond clear of them on either side.
        beforePayments = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);

        String first = createPayment(10_000, "usd", "pm_card_visa", "succeeded");
        afterFirstCapture = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Thread.sleep(5);
        refund(first, 2_500);
        reconcile(first, "st_first", 10_000, 320, 9_680, "matched");

        mismatchedPayment = createPayment(5_000, "USD", "pm_card_visa", "succeeded");
        reconcile(mismatchedPayment, "st_short", 4_900, 150, 4_750, "mismatched");
        reconcile(mismatchedPayment, "st_corrected", 5_000, 175, 4_825, "matched");

        String euro = createPayment(3_000, "eur", "pm_card_visa", "succeeded");
        refund(euro, 1_000);

        createPayment(2_000, "usd", "pm_card_chargeDeclined", "failed");

        awaitJournal();
    }

    @Test
    @Order(1)
    void accountsShowEachAccountsBalancesPerCurrency() throws Exception {
        JsonNode body = getOk("/api/ledger/accounts");

        assertThat(body.get("hasMore").asBoolean()).isFalse();
        assertThat(body.get("nextCursor").isNull()).isTrue();
        List<String> accounts = new ArrayList<>();
        body.get("data").forEach(account -> accounts.add(account.get("account").asString()));
        assertThat(accounts)
                .containsExactly(
                        "processor_clearing",
                        "processor_balance",
                        "customer_payments",
                        "refunds",
                        "processing_fees",
                        "reconciliation_differences",
                        "disputed_funds",
                        "dispute_losses",
                        "dispute_fees");

        Map<String, String> balances = new LinkedHashMap<>();
        body.get("data")
                .forEach(account -> account.get("balances")
                        .forEach(balance -> balances.put(
                                account.get("account").asString() + " "
                                        + balance.get("currency").asString(),
                                balance.get("debits").asLong() + "/"
                                        + balance.get("credits").asLong() + " = "
                                        + balance.get("balance").asLong() + " ("
                                        + balance.get("normalBalance").asLong()
                                        + ")")));
        assertThat(balances)
                .containsExactly(
                        Map.entry("processor_clearing eur", "3000/1000 = 2000 (2000)"),
                        Map.entry("processor_clearing usd", "20000/22500 = -2500 (-2500)"),
                        Map.entry("processor_balance usd", "19255/4750 = 14505 (14505)"),
                        Map.entry("customer_payments eur", "0/3000 = -3000 (3000)"),
                        Map.entry("customer_payments usd", "0/15000 = -15000 (15000)"),
                        Map.entry("refunds eur", "1000/0 = 1000 (1000)"),
                        Map.entry("refunds usd", "2500/0 = 2500 (2500)"),
                        Map.entry("processing_fees usd", "645/150 = 495 (495)"),
                        Map.entry("reconciliation_differences usd", "100/100 = 0 (0)"));

        JsonNode revenue = body.get("data").get(2);
        assertThat(revenue.get("type").asString()).isEqualTo("revenue");
        assertThat(revenue.get("normalSide").asString()).isEqualTo("credit");
        assertThat(body.get("data").get(0).get("type").asString()).isEqualTo("asset");
        assertThat(body.get("data").get(3).get("type").asString()).isEqualTo("contra_revenue");
        assertThat(body.get("data").get(4).get("type").asString()).isEqualTo("expense");
    }

    @Test
    @Order(2)
    void trialBalanceNowIsBalancedToTheMinorUnit() throws Exception {
        JsonNode body = getOk("/api/ledger/trial-balance");

        assertThat(body.get("balanced").asBoolean()).isTrue();
        // Now, at millisecond precision like every timestamp of the API.
        assertThat(body.get("asOf").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z");
        assertThat(totals(body))
                .containsExactly(Map.entry("eur", "4000/4000 true"), Map.entry("usd", "42500/42500 true"));
        Map<String, String> lines = lines(body);
        assertThat(lines).hasSize(18);
        assertThat(lines)
                .containsEntry("processor_clearing usd", "20000/22500 = -2500")
                .containsEntry("processor_balance usd", "19255/4750 = 14505")
                .containsEntry("customer_payments usd", "0/15000 = -15000")
                .containsEntry("refunds usd", "2500/0 = 2500")
                .containsEntry("processing_fees usd", "645/150 = 495")
                .containsEntry("reconciliation_differences usd", "100/100 = 0")
                .containsEntry("processor_clearing eur", "3000/1000 = 2000")
                .containsEntry("processor_balance eur", "0/0 = 0")
                .containsEntry("customer_payments eur", "0/3000 = -3000")
                .containsEntry("refunds eur", "1000/0 = 1000");
    }

    @Test
    @Order(3)
    void trialBalanceAsOfAnInstantSumsOnlyWhatWasPostedBy() throws Exception {
        JsonNode before = getOk("/api/ledger/trial-balance?asOf=" + beforePayments);
        assertThat(before.get("asOf").asString()).isEqualTo(beforePayments.toString());
        assertThat(before.get("balanced").asBoolean()).isTrue();
        assertThat(totals(before)).containsExactly(Map.entry("eur", "0/0 true"), Map.entry("usd", "0/0 true"));
        assertThat(lines(before).values()).hasSize(18).allMatch("0/0 = 0"::equals);

        JsonNode afterCapture = getOk("/api/ledger/trial-balance?asOf=" + afterFirstCapture);
        assertThat(afterCapture.get("balanced").asBoolean()).isTrue();
        assertThat(totals(afterCapture))
                .containsExactly(Map.entry("eur", "0/0 true"), Map.entry("usd", "10000/10000 true"));
        assertThat(lines(afterCapture))
                .containsEntry("processor_clearing usd", "10000/0 = 10000")
                .containsEntry("customer_payments usd", "0/10000 = -10000")
                .containsEntry("refunds usd", "0/0 = 0");

        // From tomorrow on, today's lines count through the daily balances.
        JsonNode tomorrow =
                getOk("/api/ledger/trial-balance?asOf=" + Instant.now().plus(Duration.ofDays(1)));
        assertThat(tomorrow.get("balanced").asBoolean()).isTrue();
        assertThat(lines(tomorrow)).isEqualTo(lines(getOk("/api/ledger/trial-balance")));
    }

    @Test
    @Order(4)
    void entriesArePagedInPostingOrderWithoutGapsOrRepeats() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = getOk("/api/ledger/accounts/processor_clearing/entries?limit=2"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            pages++;
            page.get("data").forEach(lines::add);
            boolean hasMore = page.get("hasMore").asBoolean();
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
            assertThat(cursor != null).as("nextCursor exactly when hasMore").isEqualTo(hasMore);
            assertThat(page.get("data").size()).isEqualTo(hasMore ? 2 : 1);
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(5);
        assertThat(lines).hasSize(9);
        Set<String> keys = new TreeSet<>();
        long previousIndex = -1;
        int previousLine = 0;
        Map<String, long[]> sums = new HashMap<>();
        for (JsonNode line : lines) {
            assertThat(line.get("account").asString()).isEqualTo("processor_clearing");
            long index = line.get("globalIndex").asLong();
            int number = line.get("line").asInt();
            assertThat(index > previousIndex || (index == previousIndex && number > previousLine))
                    .as("posting order")
                    .isTrue();
            previousIndex = index;
            previousLine = number;
            keys.add(line.get("entryId").asString() + "#" + number);
            assertThat(line.get("debit").asLong() > 0 != line.get("credit").asLong() > 0)
                    .as("one side per line")
                    .isTrue();
            long[] sum = sums.computeIfAbsent(line.get("currency").asString(), key -> new long[2]);
            sum[0] += line.get("debit").asLong();
            sum[1] += line.get("credit").asLong();
            assertThat(Instant.parse(line.get("postedAt").asString())).isAfter(beforePayments);
        }
        assertThat(keys).hasSize(9);
        assertThat(sums.get("usd")).containsExactly(20_000, 22_500);
        assertThat(sums.get("eur")).containsExactly(3_000, 1_000);
        assertThat(lines)
                .extracting(line -> line.get("kind").asString())
                .containsExactly(
                        "capture",
                        "refund",
                        "settlement",
                        "capture",
                        "settlement",
                        "settlement_reversal",
                        "settlement",
                        "capture",
                        "refund");

        JsonNode all = getOk("/api/ledger/accounts/processor_clearing/entries");
        assertThat(all.get("data").size()).isEqualTo(9);
        assertThat(all.get("hasMore").asBoolean()).isFalse();
        assertThat(all.get("nextCursor").isNull()).isTrue();
    }

    @Test
    @Order(5)
    void aCorrectedSettlementReversesTheMismatchedOne() throws Exception {
        JsonNode page = getOk("/api/ledger/accounts/reconciliation_differences/entries");
        JsonNode lines = page.get("data");

        assertThat(lines.size()).isEqualTo(2);
        assertThat(lines.get(0).get("paymentId").asString()).isEqualTo(mismatchedPayment);
        assertThat(lines.get(0).get("kind").asString()).isEqualTo("settlement");
        assertThat(lines.get(0).get("debit").asLong()).isEqualTo(100);
        assertThat(lines.get(1).get("paymentId").asString()).isEqualTo(mismatchedPayment);
        assertThat(lines.get(1).get("kind").asString()).isEqualTo("settlement_reversal");
        assertThat(lines.get(1).get("credit").asLong()).isEqualTo(100);
        assertThat(lines.get(1).get("entryId").asString())
                .isNotEqualTo(lines.get(0).get("entryId").asString());
    }

    @Test
    @Order(6)
    void badParametersAndUnknownAccountsAreProblems() throws Exception {
        assertProblem("/api/ledger/accounts/cash/entries", 404, "account_not_found");
        assertProblem("/api/ledger/accounts/processor_clearing/entries?limit=0", 400, "validation_failed");
        assertProblem("/api/ledger/accounts/processor_clearing/entries?limit=101", 400, "validation_failed");
        assertProblem("/api/ledger/accounts/processor_clearing/entries?limit=ten", 400, "validation_failed");
        assertProblem("/api/ledger/accounts/processor_clearing/entries?cursor=garbage", 400, "validation_failed");
        assertProblem("/api/ledger/accounts/processor_clearing/entries?sort=amount", 400, "validation_failed");
        String refundsCursor = getOk("/api/ledger/accounts/processor_clearing/entries?limit=1")
                .get("nextCursor")
                .asString();
        assertProblem(
                "/api/ledger/accounts/refunds/entries?cursor="
                        + URLEncoder.encode(refundsCursor, StandardCharsets.UTF_8),
                400,
                "validation_failed");
        assertProblem("/api/ledger/trial-balance?asOf=yesterday", 400, "validation_failed");
        assertProblem("/api/ledger/trial-balance?asOf=2026-11-22", 400, "validation_failed");
        assertThat(getOk("/api/ledger/accounts/processor_clearing/entries?limit=100")
                        .get("data")
                        .size())
                .isEqualTo(9);
    }

    @Test
    @Order(7)
    void replayingTheJournalRebuildsTheSameLines() throws Exception {
        JsonNode before = getOk("/api/ledger/accounts/processor_clearing/entries?limit=100");
        JsonNode accountsBefore = getOk("/api/ledger/accounts");
        PooledStreamingEventProcessor journal = processing
                .eventProcessor("journal", PooledStreamingEventProcessor.class)
                .orElseThrow();

        journal.shutDown();
        journal.resetTokens();
        journal.start();

        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    assertThat(journal.isReplaying()).isFalse();
                    assertThat(getOk("/api/ledger/accounts")).isEqualTo(accountsBefore);
                });
        assertThat(getOk("/api/ledger/accounts/processor_clearing/entries?limit=100"))
                .isEqualTo(before);
    }

    @Test
    @Order(8)
    void redeliveredEventsPostNothingTwice() throws Exception {
        JsonNode before = getOk("/api/ledger/accounts/processor_clearing/entries?limit=100");
        JsonNode accountsBefore = getOk("/api/ledger/accounts");
        JsonNode trialBalanceBefore = getOk("/api/ledger/trial-balance?asOf=" + afterFirstCapture);
        PooledStreamingEventProcessor journal = processing
                .eventProcessor("journal", PooledStreamingEventProcessor.class)
                .orElseThrow();
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class)
                .single();

        // Rewind the tokens without a reset: every event comes again, onto the tables as they are.
        journal.shutDown();
        int[] segments = transactions.fetchInTransaction(() -> tokens.fetchSegments("journal"));
        assertThat(segments).hasSize(2);
        for (int segment : segments) {
            transactions.executeInTransaction(() -> {
                tokens.fetchToken("journal", segment);
                tokens.storeToken(null, "journal", segment);
                tokens.releaseClaim("journal", segment);
            });
        }
        journal.start();

        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(journal.processingStatus()).hasSize(2);
            assertThat(journal.processingStatus().values())
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
        });
        assertThat(getOk("/api/ledger/accounts")).isEqualTo(accountsBefore);
        assertThat(getOk("/api/ledger/accounts/processor_clearing/entries?limit=100"))
                .isEqualTo(before);
        assertThat(getOk("/api/ledger/trial-balance?asOf=" + afterFirstCapture)).isEqualTo(trialBalanceBefore);
    }

    // --- the command API ------------------------------------------------------------------------------------------

    private String createPayment(long amount, String currency, String method, String expectedStatus) throws Exception {
        HttpResponse<String> response = post(
                "/api/payments",
                Map.of(
                        "amount", amount,
                        "currency", currency,
                        "customerId", "cus_journal",
                        "paymentMethod", method,
                        "confirm", true));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode payment = JSON.readTree(response.body());
        assertThat(payment.get("status").asString()).isEqualTo(expectedStatus);
        return payment.get("id").asString();
    }

    private void refund(String paymentId, long amount) throws Exception {
        HttpResponse<String> response = post("/api/payments/" + paymentId + "/refunds", Map.of("amount", amount));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("succeeded");
    }

    private void reconcile(String paymentId, String settlementId, long gross, long fee, long net, String outcome)
            throws Exception {
        HttpResponse<String> response = post(
                "/api/payments/" + paymentId + "/reconcile",
                Map.of(
                        "settlementId", settlementId,
                        "grossAmount", gross,
                        "fee", fee,
                        "netAmount", net,
                        "settledAt", Instant.now().toString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())
                        .get("reconciliation")
                        .get("status")
                        .asString())
                .isEqualTo(outcome);
    }

    /** Waits until the journal holds every line the payments above post (totals only grow as it catches up). */
    private void awaitJournal() {
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(totals(getOk("/api/ledger/trial-balance")))
                        .containsExactly(Map.entry("eur", "4000/4000 true"), Map.entry("usd", "42500/42500 true")));
    }

    // --- HTTP -----------------------------------------------------------------------------------------------------

    private HttpResponse<String> post(String path, Map<String, Object> body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", TestTokens.adminAuthorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", TestTokens.adminAuthorization())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getOk(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void assertProblem(String path, int status, String code) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asString())
                .as(path)
                .isEqualTo(code);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** "currency" -> "debits/credits balanced". */
    private static Map<String, String> totals(JsonNode trialBalance) {
        Map<String, String> totals = new LinkedHashMap<>();
        trialBalance
                .get("totals")
                .forEach(total -> totals.put(
                        total.get("currency").asString(),
                        total.get("debits").asLong() + "/"
                                + total.get("credits").asLong() + " "
                                + total.get("balanced").asBoolean()));
        return totals;
    }

    /** "account currency" -> "debits/credits = balance". */
    private static Map<String, String> lines(JsonNode trialBalance) {
        Map<String, String> lines = new LinkedHashMap<>();
        trialBalance
                .get("accounts")
                .forEach(line -> lines.put(
                        line.get("account").asString() + " "
                                + line.get("currency").asString(),
                        line.get("debits").asLong() + "/" + line.get("credits").asLong() + " = "
                                + line.get("balance").asLong()));
        return lines;
    }

    /** The server's URL with the database swapped for {@code database}. */
    private static String databaseUrl(String serverUrl, String database) {
        URI server = URI.create(serverUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://" + server.getRawAuthority() + "/" + database
                + (server.getRawQuery() == null ? "" : "?" + server.getRawQuery());
    }

    /**
     * Drops the test's database once Spring has closed the application (this listener runs after the one that closes
     * the dirtied context, having the highest precedence).
     */
    static class DropDatabase implements TestExecutionListener, Ordered {

        private String user;
        private String password;

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void prepareTestInstance(TestContext testContext) {
            Environment environment = testContext.getApplicationContext().getEnvironment();
            user = environment.getProperty("spring.datasource.username");
            password = environment.getProperty("spring.datasource.password");
        }

        @Override
        public void afterTestClass(TestContext testContext) throws Exception {
            try (Connection connection = DriverManager.getConnection(SERVER_URL, user, password);
                    Statement drop = connection.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS \"" + DATABASE + "\" WITH (FORCE)");
            }
        }
    }
}
