package io.ledger.app;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerIntegrationTest;
import io.ledger.query.projection.Projections;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The payment report end to end: payments in Swiss francs (a currency no other test uses, so its figures are exactly
 * these) created, declined and retried, canceled, refunded, settled with fees (matched and mismatched) and disputed
 * over HTTP against the assembled application on real PostgreSQL, one in Norwegian kroner and one in Swedish kronor
 * (still pending) beside them. The report is then checked figure by figure against what was done, against {@code GET
 * /api/payments/stats}, the trial balance and every account's journal lines, in JSON, in CSV (parsed) and in PDF (its
 * text read back with PDFBox).
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentReportIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final List<String> PROJECTIONS = List.of("payment-history", "payment-stats", "journal");
    private static final List<String> STATUSES = List.of(
            "pending",
            "processing",
            "requires_action",
            "succeeded",
            "failed",
            "canceled",
            "partially_refunded",
            "refunded");

    @Autowired
    RestTestClient client;

    @Autowired
    CommandGateway commands;

    @Autowired
    Projections projections;

    private LedgerApi api;
    private LocalDate today;

    @BeforeAll
    void paymentsInFrancsAndKroner() {
        api = new LedgerApi(client);
        today = LocalDate.now(ZoneOffset.UTC);
        String customer = "cus_report_" + UUID.randomUUID();

        String refundedInPart = create(customer, 10_000, "chf", "pm_card_visa", "succeeded");
        String settledShort = create(customer, 5_000, "chf", "pm_card_visa", "succeeded");
        String retried = create(customer, 2_000, "chf", "pm_card_chargeDeclined", "failed");
        String canceled = create(customer, 1_500, "chf", null, "pending");
        create(customer, 3_000, "chf", null, "pending");
        String refunded = create(customer, 4_000, "chf", "pm_card_visa", "succeeded");
        create(customer, 1_000, "chf", "pm_card_authenticationRequired", "requires_action");
        create(customer, 20_000, "nok", "pm_card_visa", "succeeded");
        create(customer, 3_000, "sek", null, "pending");

        assertThat(post("/api/payments/" + retried + "/confirm", Map.of("paymentMethod", "pm_card_visa"), 200)
                        .get("status")
                        .asString())
                .isEqualTo("succeeded");
        post("/api/payments/" + canceled + "/cancel", Map.of(), 200);
        post("/api/payments/" + refundedInPart + "/refunds", Map.of("amount", 2_500), 201);
        post("/api/payments/" + refunded + "/refunds", Map.of(), 201);
        assertThat(reconcile(refundedInPart, 10_000, 320)).isEqualTo("matched");
        assertThat(reconcile(settledShort, 4_900, 150)).isEqualTo("mismatched");
        // Disputes reach the ledger only from Stripe's webhooks; here the commands they end in are sent directly.
        recorded(new RecordDisputeOpenedCommand(
                PaymentId.of(retried), "dp_report_" + UUID.randomUUID(), chf(2_000), chf(1_500), "fraudulent"));
        recorded(new RecordDisputeClosedCommand(
                PaymentId.of(settledShort),
                "dp_report_" + UUID.randomUUID(),
                false,
                chf(4_000),
                chf(1_500),
                chf(0),
                "product_not_received"));

        assumeTrue(today.equals(LocalDate.now(ZoneOffset.UTC)), "the payments were made across midnight UTC");
        await().atMost(PATIENCE).until(() -> PROJECTIONS.stream().allMatch(projections::isCaughtUp));
    }

    @Test
    void theStatementHasTheFiguresOfWhatWasDone() {
        JsonNode report = report("from", today.toString(), "to", today.toString(), "currency", "CHF");

        assertThat(report.get("from").asString()).isEqualTo(today.toString());
        assertThat(report.get("to").asString()).isEqualTo(today.toString());
        assertThat(Instant.parse(report.get("generatedAt").asString())).isBefore(Instant.now());
        assertThat(report.get("currencies")).hasSize(1);
        JsonNode chf = report.at("/currencies/0");
        assertThat(chf.get("currency").asString()).isEqualTo("chf");
        assertThat(longs(chf.get("counts"), "created", "succeeded", "failed", "canceled", "disputes"))
                .containsExactly(7L, 4L, 1L, 1L, 2L);
        assertThat(statuses(chf)).containsExactly(1L, 0L, 1L, 2L, 0L, 1L, 1L, 1L);
        assertThat(longs(chf, "gross", "refunded", "fees", "disputed", "net"))
                .containsExactly(21_000L, 6_500L, 470L, 6_000L, 14_030L);
        Map<String, List<Long>> accounts = accounts(chf);
        assertThat(accounts.keySet())
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
        // opening, debits, credits, closing
        assertThat(accounts.get("customer_payments")).containsExactly(0L, 0L, 21_000L, -21_000L);
        assertThat(accounts.get("refunds")).containsExactly(0L, 6_500L, 0L, 6_500L);
        assertThat(accounts.get("processing_fees")).containsExactly(0L, 470L, 0L, 470L);
        assertThat(accounts.get("processor_balance")).containsExactly(0L, 14_430L, 9_000L, 5_430L);
        assertThat(accounts.get("reconciliation_differences")).containsExactly(0L, 100L, 0L, 100L);
        assertThat(accounts.get("disputed_funds")).containsExactly(0L, 9_000L, 5_500L, 3_500L);
        assertThat(accounts.get("dispute_losses")).containsExactly(0L, 4_000L, 0L, 4_000L);
        assertThat(accounts.get("dispute_fees")).containsExactly(0L, 1_500L, 0L, 1_500L);
        assertThat(accounts.values().stream()
                        .mapToLong(account -> account.get(3))
                        .sum())
                .as("the closing balances balance")
                .isZero();
    }

    @Test
    void theCountsAndAmountsAreTheStatsOfTheSameDays() {
        String from = today.minusDays(3).toString();
        String to = today.toString();

        // Every currency of the database, other tests' too: asked again should a late event land between the two.
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode report = report("from", from, "to", to);
            JsonNode stats = get("/api/payments/stats", "from", from, "to", to);
            List<String> reported = new ArrayList<>();
            report.get("currencies")
                    .forEach(currency -> reported.add(currency.get("currency").asString()));
            List<String> counted = new ArrayList<>();
            stats.get("currencies")
                    .forEach(currency -> counted.add(currency.get("currency").asString()));
            assertThat(reported).contains("chf", "nok").containsAll(counted);
            for (JsonNode figures : stats.get("currencies")) {
                JsonNode currency = currency(report, figures.get("currency").asString());
                assertThat(longs(currency.get("counts"), "created", "succeeded", "failed", "canceled"))
                        .as("%s", figures)
                        .isEqualTo(longs(figures, "count", "succeeded", "failed", "canceled"));
                assertThat(longs(currency, "gross", "refunded", "fees", "net"))
                        .as("%s", figures)
                        .isEqualTo(longs(figures, "grossVolume", "refundedVolume", "feeVolume", "netVolume"));
                assertThat(statuses(currency).stream()
                                .mapToLong(Long::longValue)
                                .sum())
                        .as("the payments created by status add up to the payments created")
                        .isEqualTo(figures.get("count").asLong());
            }
        });
    }

    @Test
    void theBalancesAreTheTrialBalancesAndTheMovementsTheJournalLines() {
        JsonNode report = report("from", today.toString(), "to", today.toString());
        JsonNode opening = get(
                "/api/ledger/trial-balance",
                "asOf",
                today.atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1).toString());
        JsonNode closing = get("/api/ledger/trial-balance");
        Instant dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant dayEnd = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

        for (String code : List.of("chf", "nok")) {
            Map<String, List<Long>> accounts = accounts(currency(report, code));
            assertThat(accounts).hasSize(9);
            accounts.forEach((account, figures) -> {
                assertThat(figures.get(0))
                        .as("%s %s opening", code, account)
                        .isEqualTo(balance(opening, account, code));
                assertThat(figures.get(3))
                        .as("%s %s closing", code, account)
                        .isEqualTo(balance(closing, account, code));
                long[] moved = journalLines(account, code, dayStart, dayEnd);
                assertThat(figures.subList(1, 3))
                        .as("%s %s debits and credits", code, account)
                        .containsExactly(moved[0], moved[1]);
            });
        }
        // The disputed amounts and their fees are what disputes moved into disputed_funds.
        JsonNode chf = currency(report, "chf");
        assertThat(chf.get("disputed").asLong() + 2 * 1_500)
                .isEqualTo(journalLines("disputed_funds", "chf", "dispute_opened", dayStart, dayEnd)[0]);
    }

    @Test
    void aLaterPeriodOpensWithTodaysClosingBalancesAndMovesNothing() {
        JsonNode today = report("from", this.today.toString(), "to", this.today.toString(), "currency", "chf");
        JsonNode later = report(
                "from",
                this.today.plusDays(1).toString(),
                "to",
                this.today.plusDays(7).toString(),
                "currency",
                "chf");

        JsonNode chf = later.at("/currencies/0");
        assertThat(longs(chf.get("counts"), "created", "succeeded", "failed", "canceled", "disputes"))
                .containsOnly(0L);
        assertThat(statuses(chf)).containsOnly(0L);
        assertThat(longs(chf, "gross", "refunded", "fees", "disputed", "net")).containsOnly(0L);
        Map<String, List<Long>> closedToday = accounts(today.at("/currencies/0"));
        accounts(chf).forEach((account, figures) -> {
            long closing = closedToday.get(account).get(3);
            assertThat(figures).as(account).containsExactly(closing, 0L, 0L, closing);
        });
        assertThat(closedToday.get("customer_payments").get(3)).isEqualTo(-21_000L);
    }

    @Test
    void anEarlierPeriodKnowsNoneOfIt() {
        String before = today.minusDays(1).toString();

        List<String> currencies = new ArrayList<>();
        report("from", before, "to", before)
                .get("currencies")
                .forEach(currency -> currencies.add(currency.get("currency").asString()));
        assertThat(currencies).doesNotContain("chf", "nok");
        JsonNode asked = report("from", before, "to", before, "currency", "chf").at("/currencies/0");
        assertThat(asked.get("currency").asString()).isEqualTo("chf");
        assertThat(longs(asked, "gross", "refunded", "fees", "disputed", "net")).containsOnly(0L);
        assertThat(accounts(asked)).hasSize(9);
        accounts(asked).values().forEach(figures -> assertThat(figures).containsOnly(0L));
    }

    @Test
    void aCurrencyWithPaymentsButNothingPostedHasTheWholeChartAtZero() {
        JsonNode sek = currency(report("from", today.toString(), "to", today.toString()), "sek");

        assertThat(sek.at("/counts/created").asLong()).isEqualTo(1);
        assertThat(statuses(sek).get(0)).as("pending").isEqualTo(1);
        assertThat(accounts(sek)).hasSize(9);
        accounts(sek).values().forEach(figures -> assertThat(figures).containsOnly(0L));
    }

    @Test
    void theCsvHasTheFiguresOfTheJson() throws IOException {
        JsonNode json = report("from", today.toString(), "to", today.toString());
        Answer answer =
                api.get("/api/payments/reports", "from", today.toString(), "to", today.toString(), "format", "csv");

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.contentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(answer.header(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"payment-report-" + today + "-" + today + ".csv\"");
        CSVParser csv = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(answer.body()));
        List<CSVRecord> rows = csv.getRecords();
        assertThat(csv.getHeaderNames())
                .containsExactly(
                        "from",
                        "to",
                        "currency",
                        "section",
                        "name",
                        "value",
                        "opening",
                        "debits",
                        "credits",
                        "closing");
        for (String code : List.of("chf", "nok")) {
            JsonNode currency = currency(json, code);
            List<CSVRecord> mine = rows.stream()
                    .filter(row -> row.get("currency").equals(code))
                    .toList();
            assertThat(mine).hasSize(5 + 8 + 5 + 9);
            assertThat(mine)
                    .allSatisfy(row ->
                            assertThat(List.of(row.get("from"), row.get("to"))).containsOnly(today.toString()));
            for (String count : List.of("created", "succeeded", "failed", "canceled", "disputes")) {
                assertThat(value(mine, "count", count))
                        .as(count)
                        .isEqualTo(currency.at("/counts/" + count).asLong());
            }
            for (int i = 0; i < STATUSES.size(); i++) {
                assertThat(value(mine, "status", STATUSES.get(i)))
                        .isEqualTo(statuses(currency).get(i));
            }
            for (String amount : List.of("gross", "refunded", "fees", "disputed", "net")) {
                assertThat(value(mine, "amount", amount))
                        .as(amount)
                        .isEqualTo(currency.get(amount).asLong());
            }
            accounts(currency).forEach((account, figures) -> {
                CSVRecord row = row(mine, "account", account);
                assertThat(row.get("value")).isEmpty();
                assertThat(Arrays.asList(
                                Long.parseLong(row.get("opening")),
                                Long.parseLong(row.get("debits")),
                                Long.parseLong(row.get("credits")),
                                Long.parseLong(row.get("closing"))))
                        .as(account)
                        .isEqualTo(figures);
            });
        }
        assertThat(value(
                        rows.stream()
                                .filter(row -> row.get("currency").equals("chf"))
                                .toList(),
                        "amount",
                        "net"))
                .isEqualTo(14_030L);
    }

    @Test
    void thePdfPrintsTheFiguresOfTheJson() throws IOException {
        JsonNode json = report("from", today.toString(), "to", today.toString(), "currency", "chf");
        EntityExchangeResult<byte[]> answer = client.get()
                .uri("/api/payments/reports?from={from}&to={to}&currency=chf&format=pdf", today, today)
                .exchange()
                .returnResult(byte[].class);

        assertThat(answer.getStatus().value()).isEqualTo(200);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("inline; filename=\"payment-report-" + today + "-" + today + "-chf.pdf\"");
        try (PDDocument document = Loader.loadPDF(answer.getResponseBody())) {
            List<String> lines = new PDFTextStripper()
                    .getText(document)
                    .lines()
                    .map(String::strip)
                    .toList();
            assertThat(lines)
                    .contains(
                            "Payment statement",
                            "Period: " + today + " to " + today + " (UTC days, both included)",
                            "CHF");
            assertThat(lines)
                    .filteredOn(line -> line.startsWith("Generated at "))
                    .singleElement()
                    .satisfies(line -> assertThat(Instant.parse(line.substring("Generated at ".length())))
                            .isAfterOrEqualTo(
                                    Instant.parse(json.get("generatedAt").asString())));
            JsonNode chf = json.at("/currencies/0");
            assertThat(printed(lines, "Gross (captured)"))
                    .containsExactly(francs(chf.get("gross").asLong()));
            assertThat(printed(lines, "Refunded"))
                    .containsExactly(francs(chf.get("refunded").asLong()));
            assertThat(printed(lines, "Fees"))
                    .containsExactly(francs(chf.get("fees").asLong()));
            assertThat(printed(lines, "Net"))
                    .containsExactly(francs(chf.get("net").asLong()));
            assertThat(printed(lines, "Disputed"))
                    .containsExactly(francs(chf.get("disputed").asLong()));
            assertThat(printed(lines, "Payments created"))
                    .containsExactly(chf.at("/counts/created").asString());
            assertThat(printed(lines, "Failed attempts"))
                    .containsExactly(chf.at("/counts/failed").asString());
            assertThat(printed(lines, "Disputes opened"))
                    .containsExactly(chf.at("/counts/disputes").asString());
            for (int i = 0; i < STATUSES.size(); i++) {
                assertThat(printed(lines, STATUSES.get(i)))
                        .containsExactly(String.valueOf(statuses(chf).get(i)));
            }
            accounts(chf)
                    .forEach((account, figures) -> assertThat(printed(lines, account))
                            .as(account)
                            .containsExactlyElementsOf(figures.stream()
                                    .map(PaymentReportIT::francs)
                                    .toList()));
            assertThat(printed(lines, "customer_payments")).containsExactly("0.00", "0.00", "210.00", "-210.00");
        }
    }

    @Test
    void theReportNeedsAnalyticsRead() {
        LedgerApi analyst = LedgerApi.as(client, TestTokens.mint("analyst-" + UUID.randomUUID(), "analytics:read"));
        LedgerApi support = LedgerApi.as(client, TestTokens.mint("support-" + UUID.randomUUID(), "payments:read"));

        assertThat(analyst.get("/api/payments/reports").status()).isEqualTo(200);
        assertProblem(support.get("/api/payments/reports"), 403, "forbidden");
        assertProblem(LedgerApi.anonymous(client).get("/api/payments/reports"), 401, "unauthorized");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        String day = today.toString();
        rejected("from", "from", "2026-11-02", "to", "2026-11-01");
        rejected("from", "from", day + "T00:00:00Z", "to", day);
        rejected("to", "to", "2026-02-30");
        rejected("from", "from", "1900-01-01", "to", "2000-01-01");
        rejected("currency", "currency", "xxx");
        rejected("currency", "currency", "");
        rejected("format", "format", "xlsx");
        rejected("format", "format", "json", "format", "csv");
        rejected("groupBy", "groupBy", "day");
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private String create(String customer, long amount, String currency, String method, String status) {
        Map<String, Object> body =
                new LinkedHashMap<>(Map.of("amount", amount, "currency", currency, "customerId", customer));
        if (method != null) {
            body.put("paymentMethod", method);
            body.put("confirm", true);
        }
        JsonNode payment = post("/api/payments", body, 201);
        assertThat(payment.get("status").asString()).isEqualTo(status);
        return payment.get("id").asString();
    }

    private String reconcile(String payment, long gross, long fee) {
        return post(
                        "/api/payments/" + payment + "/reconcile",
                        Map.of(
                                "settlementId",
                                "st_report_" + UUID.randomUUID(),
                                "grossAmount",
                                gross,
                                "fee",
                                fee,
                                "netAmount",
                                gross - fee,
                                "settledAt",
                                "2026-11-20T06:00:00Z"),
                        200)
                .at("/reconciliation/status")
                .asString();
    }

    private JsonNode post(String path, Object body, int status) {
        Answer answer = api.post(path, body);
        assertThat(answer.status()).as("%s %s", path, answer).isEqualTo(status);
        return answer.json();
    }

    private void recorded(PaymentCommand command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of("source", "webhook", "actor", "stripe")));
    }

    private static Money chf(long minor) {
        return Money.of(minor, "chf");
    }

    private JsonNode report(String... parameters) {
        return get("/api/payments/reports", parameters);
    }

    private JsonNode get(String path, String... parameters) {
        Answer answer = api.get(path, parameters);
        assertThat(answer.status()).as("%s %s", path, answer).isEqualTo(200);
        return answer.json();
    }

    private void rejected(String parameter, String... parameters) {
        Answer answer = api.get("/api/payments/reports", parameters);
        assertProblem(answer, 400, "validation_failed");
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo(parameter);
    }

    private static JsonNode currency(JsonNode report, String code) {
        for (JsonNode currency : report.get("currencies")) {
            if (currency.get("currency").asString().equals(code)) {
                return currency;
            }
        }
        throw new AssertionError("no " + code + " in " + report);
    }

    private static List<Long> longs(JsonNode node, String... fields) {
        return Arrays.stream(fields).map(field -> node.get(field).asLong()).toList();
    }

    /** The counts of the statuses, in the contract's order (which the report keeps). */
    private static List<Long> statuses(JsonNode currency) {
        List<String> names = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        currency.get("statuses").forEach(status -> {
            names.add(status.get("status").asString());
            counts.add(status.get("count").asLong());
        });
        assertThat(names).isEqualTo(STATUSES);
        return counts;
    }

    /** Per account in the chart's order: opening, debits, credits, closing. */
    private static Map<String, List<Long>> accounts(JsonNode currency) {
        Map<String, List<Long>> accounts = new LinkedHashMap<>();
        currency.get("accounts").forEach(account -> {
            assertThat(account.get("currency").asString())
                    .isEqualTo(currency.get("currency").asString());
            accounts.put(account.get("account").asString(), longs(account, "opening", "debits", "credits", "closing"));
        });
        return accounts;
    }

    private static long balance(JsonNode trialBalance, String account, String currency) {
        for (JsonNode line : trialBalance.get("accounts")) {
            if (line.get("account").asString().equals(account)
                    && line.get("currency").asString().equals(currency)) {
                return line.get("balance").asLong();
            }
        }
        return 0;
    }

    /** The debits and credits of the account's lines in the currency posted in [from, to). */
    private long[] journalLines(String account, String currency, Instant from, Instant to) {
        return journalLines(account, currency, null, from, to);
    }

    /** As above, of one kind of entry only unless {@code kind} is null. */
    private long[] journalLines(String account, String currency, String kind, Instant from, Instant to) {
        long[] sums = new long[2];
        String cursor = null;
        do {
            JsonNode page = cursor == null
                    ? get("/api/ledger/accounts/" + account + "/entries", "limit", "100")
                    : get("/api/ledger/accounts/" + account + "/entries", "limit", "100", "cursor", cursor);
            for (JsonNode line : page.get("data")) {
                Instant posted = Instant.parse(line.get("postedAt").asString());
                if (line.get("currency").asString().equals(currency)
                        && (kind == null || line.get("kind").asString().equals(kind))
                        && !posted.isBefore(from)
                        && posted.isBefore(to)) {
                    sums[0] += line.get("debit").asLong();
                    sums[1] += line.get("credit").asLong();
                }
            }
            cursor = page.get("hasMore").asBoolean() ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        return sums;
    }

    private static CSVRecord row(List<CSVRecord> rows, String section, String name) {
        List<CSVRecord> found = rows.stream()
                .filter(row ->
                        row.get("section").equals(section) && row.get("name").equals(name))
                .toList();
        assertThat(found).as("%s %s", section, name).hasSize(1);
        return found.get(0);
    }

    private static long value(List<CSVRecord> rows, String section, String name) {
        CSVRecord row = row(rows, section, name);
        assertThat(List.of(row.get("opening"), row.get("debits"), row.get("credits"), row.get("closing")))
                .containsOnly("");
        return Long.parseLong(row.get("value"));
    }

    /** What the PDF prints after the label on the label's one line. */
    private static List<String> printed(List<String> lines, String label) {
        List<List<String>> found = lines.stream()
                .map(line -> Arrays.asList(line.split(" {2,}")))
                .filter(line -> line.get(0).equals(label))
                .toList();
        assertThat(found).as(label).hasSize(1);
        return found.get(0).subList(1, found.get(0).size());
    }

    /** Francs as a person reads them; every amount here is below 1,000 francs, so no thousands separator. */
    private static String francs(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
