package io.ledger.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ledger.api.stats.StatsFiguresView;
import io.ledger.app.security.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stats and reconciliation read models end to end: payments in two currencies driven over HTTP against the
 * assembled application on real PostgreSQL, then the three endpoints checked figure by figure, including after every
 * event was delivered a second time and after a replay.
 */
@ExtendWith(TestDatabase.class) // before @SpringBootTest: drops the database once the context has closed
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsAndReconciliationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SETTLED_AT = "2026-11-20T06:00:00Z";

    // USD: 5 created, 4 captured (one after a declined attempt), 2 declined attempts, 1 canceled.
    private static final StatsFiguresView USD = new StatsFiguresView(5, 4, 2, 1, "0.6667", 20_000, 2_500, 470, 17_030);
    // EUR: 4 created, 3 captured, 1 declined.
    private static final StatsFiguresView EUR = new StatsFiguresView(4, 3, 1, 0, "0.7500", 7_700, 2_500, 100, 5_100);
    private static final StatsFiguresView NOTHING = new StatsFiguresView(0, 0, 0, 0, null, 0, 0, 0, 0);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalDate today;
    private String usdSettledMatched;
    private String usdMatched;
    private String usdOpen;
    private String usdCapturedOnRetry;
    private String eurMismatched;
    private String eurRefunded;
    private String eurOpen;

    @BeforeAll
    void paymentsInTwoCurrencies() {
        today = LocalDate.now(ZoneOffset.UTC);

        usdSettledMatched = create(10_000, "usd", "pm_card_visa", "succeeded");
        usdMatched = create(5_000, "usd", "pm_card_visa", "succeeded");
        usdOpen = create(3_000, "usd", "pm_card_visa", "succeeded");
        usdCapturedOnRetry = create(2_000, "usd", "pm_card_chargeDeclined", "failed");
        String usdCanceled = create(1_500, "usd", "pm_card_chargeDeclined", "failed");
        eurMismatched = create(4_000, "eur", "pm_card_visa", "succeeded");
        eurRefunded = create(2_500, "eur", "pm_card_visa", "succeeded");
        create(1_000, "eur", "pm_card_chargeDeclined", "failed");
        eurOpen = create(1_200, "eur", "pm_card_visa", "succeeded");

        assertThat(post("/api/payments/" + usdCapturedOnRetry + "/confirm", "{\"paymentMethod\":\"pm_card_visa\"}", 200)
                        .get("status")
                        .stringValue())
                .isEqualTo("succeeded");
        assertThat(post("/api/payments/" + usdCanceled + "/cancel", "{}", 200)
                        .get("status")
                        .stringValue())
                .isEqualTo("canceled");
        post("/api/payments/" + usdSettledMatched + "/refunds", "{\"amount\":2500}", 201);
        post("/api/payments/" + eurRefunded + "/refunds", "{\"amount\":2500}", 201);

        // A settlement that does not match (fee 300), then one that does (fee 320): the fees count 320 in all.
        assertThat(reconcile(usdSettledMatched, "st_usd_1a", 9_000, 300, 8_700)).isEqualTo("mismatched");
        assertThat(reconcile(usdSettledMatched, "st_usd_1b", 10_000, 320, 9_680))
                .isEqualTo("matched");
        assertThat(reconcile(usdMatched, "st_usd_2", 5_000, 150, 4_850)).isEqualTo("matched");
        assertThat(reconcile(eurMismatched, "st_eur_1", 3_900, 100, 3_800)).isEqualTo("mismatched");

        // Every fact above happened today (UTC); a run across midnight would spread them over two days.
        assumeTrue(today.equals(LocalDate.now(ZoneOffset.UTC)), "the payments were made across midnight UTC");
        eventually(
                () -> get("/api/payments/reconciliation"),
                summary -> assertThat(summary.at("/currencies/1/feeTotal").asLong(-1))
                        .isEqualTo(470));
    }

    @Test
    void statsOfADayArePerCurrencyWithExactFigures() {
        JsonNode stats = eventually(
                () -> get("/api/payments/stats?from=" + today + "&to=" + today + "&groupBy=day"),
                answer -> assertThat(totals(answer)).containsExactly(Map.entry("eur", EUR), Map.entry("usd", USD)));

        assertThat(stats.get("from").stringValue()).isEqualTo(today.toString());
        assertThat(stats.get("to").stringValue()).isEqualTo(today.toString());
        assertThat(stats.get("groupBy").stringValue()).isEqualTo("day");
        for (JsonNode currency : stats.get("currencies")) {
            StatsFiguresView expected = "usd".equals(currency.get("currency").stringValue()) ? USD : EUR;
            assertThat(currency.get("series")).hasSize(1);
            assertThat(currency.at("/series/0/periodStart").stringValue()).isEqualTo(today.toString());
            assertThat(figures(currency.at("/series/0"))).isEqualTo(expected);
            assertThat(currency.get("providers")).hasSize(1);
            assertThat(currency.at("/providers/0/provider").stringValue()).isEqualTo("simulated");
            assertThat(figures(currency.at("/providers/0"))).isEqualTo(expected);
        }
    }

    @Test
    void statsByWeekHaveEveryWeekOfTheRangeStartingOnMondays() {
        LocalDate from = today.minusWeeks(3);
        JsonNode stats = eventually(
                () -> get("/api/payments/stats?from=" + from + "&to=" + today + "&groupBy=week"),
                answer -> assertThat(totals(answer)).containsExactly(Map.entry("eur", EUR), Map.entry("usd", USD)));

        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (JsonNode currency : stats.get("currencies")) {
            StatsFiguresView expected = "usd".equals(currency.get("currency").stringValue()) ? USD : EUR;
            assertThat(periodStarts(currency))
                    .containsExactly(
                            thisMonday.minusWeeks(3), thisMonday.minusWeeks(2), thisMonday.minusWeeks(1), thisMonday);
            assertThat(seriesFigures(currency)).containsExactly(NOTHING, NOTHING, NOTHING, expected);
        }
    }

    @Test
    void statsByMonthHaveEveryMonthOfTheRange() {
        LocalDate from = today.minusMonths(2).withDayOfMonth(1);
        JsonNode stats = eventually(
                () -> get("/api/payments/stats?from=" + from + "&to=" + today + "&groupBy=month"),
                answer -> assertThat(totals(answer)).containsExactly(Map.entry("eur", EUR), Map.entry("usd", USD)));

        for (JsonNode currency : stats.get("currencies")) {
            StatsFiguresView expected = "usd".equals(currency.get("currency").stringValue()) ? USD : EUR;
            assertThat(periodStarts(currency)).containsExactly(from, from.plusMonths(1), today.withDayOfMonth(1));
            assertThat(seriesFigures(currency)).containsExactly(NOTHING, NOTHING, expected);
        }
    }

    @Test
    void statsDefaultToTheLastThirtyDaysByDay() {
        JsonNode stats = eventually(
                () -> get("/api/payments/stats"),
                answer -> assertThat(totals(answer)).containsExactly(Map.entry("eur", EUR), Map.entry("usd", USD)));

        assertThat(stats.get("from").stringValue())
                .isEqualTo(today.minusDays(29).toString());
        assertThat(stats.get("to").stringValue()).isEqualTo(today.toString());
        assertThat(stats.get("groupBy").stringValue()).isEqualTo("day");
        assertThat(stats.at("/currencies/0/series")).hasSize(30);
    }

    @Test
    void statsOfDaysWithoutPaymentsAreEmpty() {
        LocalDate tomorrow = today.plusDays(1);

        assertThat(get("/api/payments/stats?from=" + tomorrow + "&to=" + tomorrow.plusDays(6))
                        .get("currencies"))
                .isEmpty();
    }

    @Test
    void unreconciledPaymentsComeOldestFirstPageByPage() {
        List<String> expectedOrder = List.of(usdOpen, eurMismatched, eurRefunded, eurOpen, usdCapturedOnRetry);
        eventually(
                () -> get("/api/payments/unreconciled?olderThan=PT0S&limit=100"),
                all -> assertThat(ids(all)).containsExactlyElementsOf(expectedOrder));

        JsonNode first = get("/api/payments/unreconciled?olderThan=PT0S&limit=2");
        assertThat(ids(first)).containsExactly(usdOpen, eurMismatched);
        assertThat(first.get("hasMore").booleanValue()).isTrue();
        JsonNode second = get("/api/payments/unreconciled?olderThan=PT0S&limit=2&cursor="
                + first.get("nextCursor").stringValue());
        assertThat(ids(second)).containsExactly(eurRefunded, eurOpen);
        assertThat(second.get("hasMore").booleanValue()).isTrue();
        JsonNode last = get("/api/payments/unreconciled?olderThan=PT0S&limit=2&cursor="
                + second.get("nextCursor").stringValue());
        assertThat(ids(last)).containsExactly(usdCapturedOnRetry);
        assertThat(last.get("hasMore").booleanValue()).isFalse();
        assertThat(last.get("nextCursor").isNull()).isTrue();

        List<Instant> succeededAt = new ArrayList<>();
        for (JsonNode page : List.of(first, second, last)) {
            page.get("data")
                    .forEach(item -> succeededAt.add(
                            Instant.parse(item.get("succeededAt").stringValue())));
        }
        assertThat(succeededAt).isSorted();

        JsonNode open = first.at("/data/0");
        assertThat(open.get("amount").longValue()).isEqualTo(3_000);
        assertThat(open.get("currency").stringValue()).isEqualTo("usd");
        assertThat(open.at("/reconciliation/status").stringValue()).isEqualTo("unreconciled");
        assertThat(open.at("/reconciliation/settlementId").isNull()).isTrue();

        JsonNode mismatched = first.at("/data/1");
        assertThat(mismatched.get("amount").longValue()).isEqualTo(4_000);
        assertThat(mismatched.get("currency").stringValue()).isEqualTo("eur");
        assertThat(mismatched.get("reconciliation").properties())
                .extracting(Map.Entry::getKey)
                .contains("status", "settlementId", "grossAmount", "fee", "netAmount", "settledAt");
        assertThat(mismatched.at("/reconciliation/status").stringValue()).isEqualTo("mismatched");
        assertThat(mismatched.at("/reconciliation/settlementId").stringValue()).isEqualTo("st_eur_1");
        assertThat(mismatched.at("/reconciliation/grossAmount").longValue()).isEqualTo(3_900);
        assertThat(mismatched.at("/reconciliation/fee").longValue()).isEqualTo(100);
        assertThat(mismatched.at("/reconciliation/netAmount").longValue()).isEqualTo(3_800);
        assertThat(mismatched.at("/reconciliation/settledAt").stringValue()).isEqualTo(SETTLED_AT);
    }

    @Test
    void freshPaymentsAreNotYetUnreconciledByDefault() {
        eventually(
                () -> get("/api/payments/unreconciled?olderThan=PT0S"),
                all -> assertThat(all.get("data")).hasSize(5));

        JsonNode byDefault = get("/api/payments/unreconciled");
        assertThat(byDefault.get("data")).isEmpty();
        assertThat(byDefault.get("hasMore").booleanValue()).isFalse();
        assertThat(get("/api/payments/unreconciled?olderThan=PT1H").get("data")).isEmpty();
    }

    @Test
    void theReconciliationSummaryCountsAndSumsPerCurrencyAndStatus() {
        JsonNode summary = eventually(
                () -> get("/api/payments/reconciliation?from=" + today + "&to=" + today),
                answer -> assertThat(answer.at("/currencies/1/feeTotal").asLong(-1))
                        .isEqualTo(470));

        assertThat(json.readTree("""
                        {"currencies": [
                          {"currency": "eur", "matched": {"count": 0, "amount": 0},
                           "mismatched": {"count": 1, "amount": 4000}, "unreconciled": {"count": 2, "amount": 3700},
                           "feeTotal": 100},
                          {"currency": "usd", "matched": {"count": 2, "amount": 15000},
                           "mismatched": {"count": 0, "amount": 0}, "unreconciled": {"count": 2, "amount": 5000},
                           "feeTotal": 470}]}
                        """).get("currencies")).isEqualTo(summary.get("currencies"));
        assertThat(summary.get("from").stringValue()).isEqualTo(today.toString());
        assertThat(get("/api/payments/reconciliation?from=" + today.minusDays(7) + "&to=" + today.minusDays(1))
                        .get("currencies"))
                .isEmpty();
    }

    @Test
    void eventsDeliveredTwiceCountOnceAndAReplayRebuildsTheSameFigures() {
        eventually(
                () -> get("/api/payments/stats"),
                answer -> assertThat(totals(answer)).containsExactly(Map.entry("eur", EUR), Map.entry("usd", USD)));
        eventually(
                () -> get("/api/payments/reconciliation"),
                answer -> assertThat(answer.at("/currencies/1/feeTotal").asLong(-1))
                        .isEqualTo(470));
        List<JsonNode> before = readModels();

        // Forget the processors' positions without a reset: every event is delivered again over the rows it made.
        for (String processor : List.of("payment-stats", "reconciliation")) {
            restart(
                    processor,
                    () -> jdbc.sql("DELETE FROM token_entry WHERE processor_name = ?")
                            .param(processor)
                            .update());
        }
        assertThat(readModels()).isEqualTo(before);

        // A reset empties the tables (@ResetHandler) and replays the whole event store into them.
        for (String processor : List.of("payment-stats", "reconciliation")) {
            restart(processor, () -> processor(processor).resetTokens());
        }
        assertThat(readModels()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/api/payments/stats?groupBy=year, groupBy",
        "/api/payments/stats?groupBy=, groupBy",
        "/api/payments/stats?from=2026-11-10&to=2026-11-01, from",
        "/api/payments/stats?from=yesterday, from",
        "/api/payments/stats?to=2026-11-22T00:00:00Z, to",
        "/api/payments/stats?from=2000-01-01&to=2026-11-22, from",
        "/api/payments/stats?currency=usd, currency",
        "/api/payments/stats?groupBy=day&groupBy=week, groupBy",
        "/api/payments/unreconciled?olderThan=24h, olderThan",
        "/api/payments/unreconciled?olderThan=-PT1H, olderThan",
        "/api/payments/unreconciled?limit=0, limit",
        "/api/payments/unreconciled?limit=101, limit",
        "/api/payments/unreconciled?limit=many, limit",
        "/api/payments/unreconciled?cursor=bm90LWEtY3Vyc29y, cursor",
        "/api/payments/reconciliation?from=2026-11-10&to=2026-11-01, from",
        "/api/payments/reconciliation?to=someday, to",
        "/api/payments/reconciliation?olderThan=PT1H, olderThan",
    })
    void badParametersAreValidationProblems(String pathAndQuery, String field) {
        HttpResponse<String> response = send("GET", pathAndQuery, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("code").stringValue()).isEqualTo("validation_failed");
        assertThat(problem.at("/errors/0/field").stringValue()).isEqualTo(field);
    }

    // --- the scenario ---------------------------------------------------------------------------------------------

    private String create(long amount, String currency, String paymentMethod, String expectedStatus) {
        JsonNode payment = post("/api/payments", """
                {"amount": %d, "currency": "%s", "customerId": "cus_stats", "paymentMethod": "%s", "confirm": true}""".formatted(amount, currency, paymentMethod), 201);
        assertThat(payment.get("status").stringValue()).isEqualTo(expectedStatus);
        return payment.get("id").stringValue();
    }

    /** Settles a payment; answers its reconciliation status. */
    private String reconcile(String paymentId, String settlementId, long gross, long fee, long net) {
        return post(
                        "/api/payments/" + paymentId + "/reconcile",
                        """
                        {"settlementId": "%s", "grossAmount": %d, "fee": %d, "netAmount": %d, "settledAt": "%s"}""".formatted(settlementId, gross, fee, net, SETTLED_AT),
                        200)
                .at("/reconciliation/status")
                .stringValue();
    }

    // --- reading the answers --------------------------------------------------------------------------------------

    /** The totals per currency, in the answer's order. */
    private static List<Map.Entry<String, StatsFiguresView>> totals(JsonNode stats) {
        List<Map.Entry<String, StatsFiguresView>> totals = new ArrayList<>();
        stats.get("currencies")
                .forEach(currency ->
                        totals.add(Map.entry(currency.get("currency").stringValue(), figures(currency))));
        return totals;
    }

    private static List<LocalDate> periodStarts(JsonNode currency) {
        List<LocalDate> starts = new ArrayList<>();
        currency.get("series")
                .forEach(period ->
                        starts.add(LocalDate.parse(period.get("periodStart").stringValue())));
        return starts;
    }

    private static List<StatsFiguresView> seriesFigures(JsonNode currency) {
        List<StatsFiguresView> figures = new ArrayList<>();
        currency.get("series").forEach(period -> figures.add(figures(period)));
        return figures;
    }

    /** The figures of a node, checking their JSON types: integers, and the success rate a string (never a float). */
    private static StatsFiguresView figures(JsonNode node) {
        for (String name : List.of(
                "count",
                "succeeded",
                "failed",
                "canceled",
                "grossVolume",
                "refundedVolume",
                "feeVolume",
                "netVolume")) {
            assertThat(node.get(name).isIntegralNumber())
                    .as(name + " is an integer")
                    .isTrue();
        }
        JsonNode rate = node.get("successRate");
        assertThat(rate.isString() || rate.isNull())
                .as("successRate is a string or null")
                .isTrue();
        return new StatsFiguresView(
                node.get("count").longValue(),
                node.get("succeeded").longValue(),
                node.get("failed").longValue(),
                node.get("canceled").longValue(),
                rate.isNull() ? null : rate.stringValue(),
                node.get("grossVolume").longValue(),
                node.get("refundedVolume").longValue(),
                node.get("feeVolume").longValue(),
                node.get("netVolume").longValue());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.get("id").stringValue()));
        return ids;
    }

    private List<JsonNode> readModels() {
        return List.of(
                get("/api/payments/stats?from=" + today.minusDays(60) + "&to=" + today.plusDays(1) + "&groupBy=week"),
                get("/api/payments/reconciliation"),
                get("/api/payments/unreconciled?olderThan=PT0S&limit=100"));
    }

    // --- processors -----------------------------------------------------------------------------------------------

    private PooledStreamingEventProcessor processor(String name) {
        return processing
                .eventProcessor(name, PooledStreamingEventProcessor.class)
                .orElseThrow();
    }

    /**
     * Stops the processor, does {@code meanwhile}, starts it and waits until both segments have handled every stored
     * event. (A replay stays flagged as one until a newer event arrives, so positions are compared, not the flag.)
     */
    private void restart(String name, Runnable meanwhile) {
        PooledStreamingEventProcessor processor = processor(name);
        processor.shutDown();
        meanwhile.run();
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class)
                .single();
        processor.start();
        eventually(processor::processingStatus, status -> {
            assertThat(status).hasSize(2);
            for (EventTrackerStatus segment : status.values()) {
                assertThat(segment.isErrorState()).isFalse();
                assertThat(segment.getCurrentPosition().orElse(-1)).isGreaterThanOrEqualTo(head);
            }
        });
    }

    // --- HTTP -----------------------------------------------------------------------------------------------------

    private JsonNode get(String pathAndQuery) {
        HttpResponse<String> response = send("GET", pathAndQuery, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode post(String path, String body, int expectedStatus) {
        HttpResponse<String> response = send("POST", path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.adminAuthorization());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads until the check passes: the read models are eventually consistent. Fails with the last failure. */
    private static <T> T eventually(Supplier<T> read, Consumer<T> check) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            T value = read.get();
            try {
                check.accept(value);
                return value;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
