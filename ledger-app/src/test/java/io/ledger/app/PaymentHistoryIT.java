package io.ledger.app;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerIntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The payment history read model through its HTTP API, on the assembled application and a real PostgreSQL: a single
 * payment read right after each command equals the command's answer; the list's filters, sorts and keyset pages; the
 * CSV export; the live feed; and every parameter the list cannot use answered 400, never 500.
 *
 * <p>Other test classes write payments to the same database, so every list here is narrowed to customers of its own.
 */
@LedgerIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentHistoryIT {

    private static final Set<String> RESOURCE_FIELDS = Set.of(
            "id",
            "status",
            "amount",
            "currency",
            "amountRefunded",
            "customerId",
            "orderId",
            "description",
            "metadata",
            "provider",
            "providerPaymentId",
            "failure",
            "refunds",
            "reconciliation",
            "archived",
            "createdAt",
            "updatedAt",
            "version");
    private static final String TRICKY_DESCRIPTION = "50% off, \"quoted\"\nsecond line";

    @Autowired
    RestTestClient client;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    LedgerApi api;
    LedgerDb db;

    /** The list scenario: one customer's payments by name, each as the read model has it once caught up. */
    String customer;

    String token;
    final Map<String, JsonNode> payments = new LinkedHashMap<>();

    @BeforeAll
    void paymentsOfOneCustomer() {
        api = new LedgerApi(client);
        db = new LedgerDb(jdbc);
        customer = "cus_history_" + UUID.randomUUID();
        token = "tok" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode visa = create(Map.of(
                "amount",
                1000,
                "currency",
                "usd",
                "customerId",
                customer,
                "orderId",
                "ord_" + UUID.randomUUID(),
                "description",
                "Invoice " + token.toUpperCase() + " for March",
                "paymentMethod",
                "pm_card_visa",
                "confirm",
                true));
        JsonNode declined = create(payment(2500, "eur", "pm_card_chargeDeclined"));
        JsonNode action = create(payment(700, "usd", "pm_card_authenticationRequired"));
        JsonNode pending = create(Map.of("amount", 2500, "currency", "USD", "customerId", customer));
        JsonNode refunded = create(payment(5000, "eur", "pm_card_visa"));
        JsonNode partial = create(payment(1200, "usd", "pm_card_visa"));
        JsonNode canceled = create(Map.of("amount", 300, "currency", "usd", "customerId", customer));
        JsonNode quoted = create(Map.of(
                "amount",
                4200,
                "currency",
                "usd",
                "customerId",
                customer,
                "description",
                TRICKY_DESCRIPTION,
                "paymentMethod",
                "pm_card_visa",
                "confirm",
                true));
        refund(id(refunded), null);
        refund(id(partial), 200L);
        command(id(canceled), "/cancel", Map.of("reason", "abandoned"), 200);

        Map<String, JsonNode> created = new LinkedHashMap<>();
        created.put("visa", visa);
        created.put("declined", declined);
        created.put("action", action);
        created.put("pending", pending);
        created.put("refunded", refunded);
        created.put("partial", partial);
        created.put("canceled", canceled);
        created.put("quoted", quoted);
        created.forEach((name, answer) -> payments.put(name, readLatest(id(answer))));

        assertThat(payments)
                .extractingFromEntries(entry ->
                        entry.getKey() + "=" + entry.getValue().get("status").asString())
                .containsExactly(
                        "visa=succeeded",
                        "declined=failed",
                        "action=requires_action",
                        "pending=pending",
                        "refunded=refunded",
                        "partial=partially_refunded",
                        "canceled=canceled",
                        "quoted=succeeded");
    }

    // --- one payment ----------------------------------------------------------------------------------------------

    @Test
    void aReadRightAfterEachCommandEqualsTheCommandsAnswer() {
        String customerId = "cus_history_" + UUID.randomUUID();

        JsonNode captured = create(Map.of(
                "amount",
                9900,
                "currency",
                "eur",
                "customerId",
                customerId,
                "orderId",
                "ord_77",
                "description",
                "Yearly plan",
                "metadata",
                Map.of("plan", "yearly"),
                "paymentMethod",
                "pm_card_visa",
                "confirm",
                true));
        assertReadEquals(captured);
        String id = id(captured);

        JsonNode firstRefund = refund(id, 900L);
        JsonNode partiallyRefunded = assertReadEquals(noOpConfirm(id));
        assertThat(partiallyRefunded.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(partiallyRefunded.get("refunds")).containsExactly(firstRefund);

        assertReadEquals(
                command(id, "/reconcile", settlement("st_short", 9000, 270, 8730, "2026-11-20T06:00:00Z"), 200));
        // A settlement time finer than the read model's microseconds.
        JsonNode matched = assertReadEquals(command(
                id, "/reconcile", settlement("st_full", 9900, 297, 9603, "2026-11-21T06:00:00.123456789Z"), 200));
        assertThat(matched.at("/reconciliation/status").asString()).isEqualTo("matched");

        JsonNode secondRefund = refund(id, null);
        JsonNode refunded = assertReadEquals(noOpConfirm(id));
        assertThat(refunded.get("status").asString()).isEqualTo("refunded");
        assertThat(refunded.get("refunds")).containsExactly(firstRefund, secondRefund);

        JsonNode declined = assertReadEquals(create(Map.of(
                "amount",
                1500,
                "currency",
                "usd",
                "customerId",
                customerId,
                "paymentMethod",
                "pm_card_chargeDeclined",
                "confirm",
                true)));
        assertThat(declined.at("/failure/code").asString()).isEqualTo("card_declined");
        JsonNode retried =
                assertReadEquals(command(id(declined), "/confirm", Map.of("paymentMethod", "pm_card_visa"), 200));
        assertThat(retried.get("failure").isNull()).isTrue();

        JsonNode action = assertReadEquals(create(Map.of(
                "amount",
                800,
                "currency",
                "usd",
                "customerId",
                customerId,
                "paymentMethod",
                "pm_card_authenticationRequired",
                "confirm",
                true)));
        assertThat(action.get("status").asString()).isEqualTo("requires_action");
        assertReadEquals(command(id(action), "/cancel", Map.of(), 200));

        assertReadEquals(create(Map.of("amount", 450, "currency", "usd", "customerId", customerId)));
    }

    @Test
    void aSettlementTimeNoReadModelCouldHoldIsRefusedAndRecordsNothing() {
        String id = id(create(payment("cus_history_" + UUID.randomUUID(), 6400, "usd", "pm_card_visa")));
        int events = db.eventsOf(id).size();

        for (String settledAt : List.of("+300000-01-01T00:00:00Z", "-0001-12-31T23:59:59Z")) {
            Answer answer =
                    api.post("/api/payments/" + id + "/reconcile", settlement("st_far", 6400, 0, 6400, settledAt));
            assertValidationProblem(answer, "settledAt");
        }

        assertThat(db.eventsOf(id)).hasSize(events);
        // The projections were not stopped by an event they cannot store: the next change still reads back at once.
        assertReadEquals(command(id, "/reconcile", settlement("st_near", 6400, 0, 6400, "9999-12-31T23:59:59Z"), 200));
    }

    @Test
    void anUnknownPaymentIsNotFound() {
        assertProblem(api.get("/api/payments/pay_doesNotExist"), 404, "payment_not_found");
    }

    @ParameterizedTest
    @CsvSource({"minVersion, abc", "minVersion, -1", "minVersion, 1.5", "expand, refunds"})
    void aSinglePaymentReadTakesOnlyAWholeMinVersion(String name, String value) {
        Answer answer = api.get("/api/payments/" + id(payments.get("visa")), name, value);

        assertValidationProblem(answer, name);
    }

    // --- the list -------------------------------------------------------------------------------------------------

    @Test
    void aPageIsItsDataWhetherMoreFollowAndTheCursorToThem() {
        JsonNode page = list("limit", "3");

        assertThat(page.propertyNames()).containsExactly("data", "hasMore", "nextCursor");
        assertThat(page.get("data")).hasSize(3);
        assertThat(page.get("hasMore").isBoolean()).isTrue();
        assertThat(page.get("hasMore").booleanValue()).isTrue();
        assertThat(page.get("nextCursor").isString()).isTrue();
        for (JsonNode payment : page.get("data")) {
            assertThat(payment.propertyNames()).containsExactlyInAnyOrderElementsOf(RESOURCE_FIELDS);
        }

        JsonNode everyone = get("/api/payments");
        assertThat(everyone.get("data").size()).isLessThanOrEqualTo(20);
        if (everyone.get("hasMore").booleanValue()) {
            assertThat(everyone.get("data")).hasSize(20);
        }
        assertThat(list().get("data")).hasSize(8);
        assertThat(list().get("hasMore").booleanValue()).isFalse();
        assertThat(list().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void statusFiltersByOneOrSeveralStatuses() {
        assertThat(names("status", "succeeded")).containsExactlyInAnyOrder("visa", "quoted");
        assertThat(names("status", "failed,canceled")).containsExactlyInAnyOrder("declined", "canceled");
        assertThat(names("status", "refunded, partially_refunded,requires_action"))
                .containsExactlyInAnyOrder("refunded", "partial", "action");
        assertThat(names("status", "processing")).isEmpty();
    }

    @Test
    void customerOrderAndProviderFilterByEquality() {
        assertThat(names()).hasSize(8);
        assertThat(ids(
                        "/api/payments",
                        "orderId",
                        payments.get("visa").get("orderId").asString()))
                .containsExactly(id(payments.get("visa")));
        assertThat(names("provider", "simulated")).hasSize(8);
        assertThat(names("provider", "stripe")).isEmpty();
        assertThat(ids("/api/payments", "customerId", "cus_nobody_" + UUID.randomUUID()))
                .isEmpty();
    }

    @Test
    void currencyIsAcceptedInEitherCase() {
        assertThat(names("currency", "eur")).containsExactlyInAnyOrder("declined", "refunded");
        assertThat(names("currency", "EUR")).containsExactlyInAnyOrder("declined", "refunded");
        assertThat(names("currency", "Usd")).hasSize(6);
        assertThat(names("currency", "jpy")).isEmpty();
    }

    @Test
    void createdFromIsIncludedAndCreatedToIsNot() {
        Instant from = createdAt("action");
        Instant to = createdAt("partial");
        List<String> expected = payments.keySet().stream()
                .filter(name ->
                        !createdAt(name).isBefore(from) && createdAt(name).isBefore(to))
                .toList();
        assertThat(expected).contains("action").doesNotContain("visa", "partial");

        assertThat(names("createdFrom", from.toString(), "createdTo", to.toString()))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names("createdFrom", createdAt("quoted").toString())).contains("quoted");
        assertThat(names("createdTo", createdAt("visa").toString())).isEmpty();
        assertThat(names("createdFrom", from.toString(), "createdTo", from.toString()))
                .isEmpty();
    }

    @Test
    void amountBoundsAreInclusive() {
        assertThat(names("minAmount", "1000", "maxAmount", "2500"))
                .containsExactlyInAnyOrder("visa", "declined", "pending", "partial");
        assertThat(names("minAmount", "4200")).containsExactlyInAnyOrder("refunded", "quoted");
        assertThat(names("maxAmount", "700")).containsExactlyInAnyOrder("action", "canceled");
        assertThat(names("minAmount", "2500", "maxAmount", "2500")).containsExactlyInAnyOrder("declined", "pending");
    }

    @Test
    void qMatchesTheIdTheOrderIdTheProviderIdOrPartOfTheDescription() {
        JsonNode visa = payments.get("visa");
        assertThat(names("q", id(payments.get("action")))).containsExactly("action");
        assertThat(names("q", visa.get("orderId").asString())).containsExactly("visa");
        assertThat(names("q", payments.get("declined").get("providerPaymentId").asString()))
                .containsExactly("declined");
        assertThat(names("q", token)).containsExactly("visa");
        assertThat(names("q", "off, \"QUOTED\"")).containsExactly("quoted");
        // LIKE's wildcards are matched literally.
        assertThat(names("q", "%")).containsExactly("quoted");
        assertThat(names("q", "_")).isEmpty();
        assertThat(names("q", "Invoice_")).isEmpty();
        // Ids match whole, not in part.
        assertThat(names("q", id(visa).substring(0, 10))).isEmpty();
    }

    @ParameterizedTest(name = "sort={0} order={1}")
    @CsvSource({"createdAt, asc", "createdAt, desc", "amount, asc", "amount, desc"})
    void pagesWalkTheWholeSortedListWithoutDuplicatesOrGaps(String sort, String order) {
        List<String> all = ids("/api/payments", "customerId", customer, "sort", sort, "order", order, "limit", "100");
        List<String> reversed = ids(
                "/api/payments",
                "customerId",
                customer,
                "sort",
                sort,
                "order",
                "asc".equals(order) ? "desc" : "asc",
                "limit",
                "100");

        Collections.reverse(reversed);
        assertThat(all).hasSize(8).doesNotHaveDuplicates().containsExactlyElementsOf(reversed);
        Comparator<JsonNode> bySortKey = "amount".equals(sort)
                ? Comparator.comparingLong(payment -> payment.get("amount").asLong())
                : Comparator.comparing(
                        payment -> Instant.parse(payment.get("createdAt").asString()));
        List<JsonNode> inOrder = all.stream().map(this::byId).toList();
        assertThat(inOrder).isSortedAccordingTo("asc".equals(order) ? bySortKey : bySortKey.reversed());

        for (int limit = 2; limit <= 3; limit++) {
            List<String> walked = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                List<String> query = new ArrayList<>(List.of(
                        "customerId", customer, "sort", sort, "order", order, "limit", Integer.toString(limit)));
                if (cursor != null) {
                    query.addAll(List.of("cursor", cursor));
                }
                JsonNode page = get("/api/payments", query.toArray(String[]::new));
                pages++;
                boolean hasMore = page.get("hasMore").booleanValue();
                page.get("data").forEach(payment -> walked.add(payment.get("id").asString()));
                if (hasMore) {
                    assertThat(page.get("data")).hasSize(limit);
                    cursor = page.get("nextCursor").asString();
                    assertThat(cursor).isNotBlank();
                } else {
                    assertThat(page.get("nextCursor").isNull()).isTrue();
                    cursor = null;
                }
            } while (cursor != null && pages < 10);

            assertThat(walked).as("limit %d", limit).containsExactlyElementsOf(all);
            assertThat(pages).isEqualTo((8 + limit - 1) / limit);
        }
    }

    @Test
    void paymentsCreatedBetweenTwoPagesDoNotShiftTheNextPage() {
        String customerId = "cus_history_" + UUID.randomUUID();
        for (int i = 1; i <= 4; i++) {
            readLatest(id(create(Map.of("amount", 100 * i, "currency", "usd", "customerId", customerId))));
        }
        List<String> before = ids("/api/payments", "customerId", customerId, "sort", "createdAt", "order", "asc");
        assertThat(before).hasSize(4);
        JsonNode firstAscending = twoByCreation(customerId, "asc", null);
        JsonNode firstDescending = twoByCreation(customerId, "desc", null);
        assertThat(ids(firstAscending)).containsExactlyElementsOf(before.subList(0, 2));
        assertThat(ids(firstDescending)).containsExactly(before.get(3), before.get(2));

        List<String> later = new ArrayList<>();
        for (int i = 5; i <= 6; i++) {
            later.add(
                    id(readLatest(id(create(Map.of("amount", 100 * i, "currency", "usd", "customerId", customerId))))));
        }

        JsonNode secondAscending = twoByCreation(customerId, "asc", firstAscending);
        assertThat(ids(secondAscending)).containsExactlyElementsOf(before.subList(2, 4));
        assertThat(secondAscending.get("hasMore").booleanValue()).isTrue();
        JsonNode thirdAscending = twoByCreation(customerId, "asc", secondAscending);
        assertThat(ids(thirdAscending)).containsExactlyElementsOf(later);

        JsonNode secondDescending = twoByCreation(customerId, "desc", firstDescending);
        assertThat(ids(secondDescending)).containsExactly(before.get(1), before.get(0));
        assertThat(secondDescending.get("hasMore").booleanValue()).isFalse();
    }

    /** A page of two of the customer's payments by creation time, after the previous page (or the first one). */
    private JsonNode twoByCreation(String customerId, String order, JsonNode previous) {
        if (previous == null) {
            return get("/api/payments", "customerId", customerId, "sort", "createdAt", "order", order, "limit", "2");
        }
        return get(
                "/api/payments",
                "customerId",
                customerId,
                "sort",
                "createdAt",
                "order",
                order,
                "limit",
                "2",
                "cursor",
                previous.get("nextCursor").asString());
    }

    // --- parameters the list cannot use ---------------------------------------------------------------------------

    static Stream<Arguments> unusableListParameters() {
        return Stream.of(
                bad("status", "status", "authorized"),
                bad("status", "status", "succeeded,authorized"),
                bad("status", "status", ""),
                bad("status", "status", ","),
                bad("status", "status", "succeeded,"),
                bad("provider", "provider", "paypal"),
                bad("currency", "currency", "xyz"),
                bad("currency", "currency", "dollars"),
                bad("createdFrom", "createdFrom", "yesterday"),
                bad("createdFrom", "createdFrom", "2026-11-22"),
                bad("createdTo", "createdTo", "2026-11-22T10:00:00"),
                bad("createdTo", "createdTo", "2026-13-01T00:00:00Z"),
                bad("createdFrom", "createdFrom", "+999999999-12-31T23:59:59Z"),
                bad("createdTo", "createdTo", "-200000-01-01T00:00:00Z"),
                bad("createdFrom", "createdFrom", "2026-11-22T10:00:00Z", "createdTo", "2026-11-22T09:59:59Z"),
                bad("minAmount", "minAmount", "500", "maxAmount", "499"),
                bad("minAmount", "minAmount", "-1"),
                bad("maxAmount", "maxAmount", "-100"),
                bad("minAmount", "minAmount", "1.5"),
                bad("maxAmount", "maxAmount", "99999999999999999999"),
                bad("limit", "limit", "0"),
                bad("limit", "limit", "101"),
                bad("limit", "limit", "abc"),
                bad("limit", "limit", "-5"),
                bad("sort", "sort", "customerId"),
                bad("order", "order", "ascending"),
                bad("cursor", "cursor", "garbage!"),
                bad("cursor", "cursor", "bm90LWEtY3Vyc29y"),
                bad("cursor", "cursor", ""),
                bad("cursor", "cursor", cursor("1|CREATED_AT|desc|+999999999-12-31T23:59:59Z|pay_x")),
                bad("cursor", "cursor", cursor("1|CREATED_AT|desc|2026-11-22T10:00:00Z|pay_\u0000")),
                bad("cursor", "cursor", cursor("1|AMOUNT|desc|lots|pay_x"), "sort", "amount"),
                bad("q", "q", "nul\u0000char"),
                bad("customerId", "customerId", "\u0000"),
                bad("orderId", "orderId", "ord\u0000"),
                bad("expand", "expand", "refunds"),
                bad("page", "limit", "2", "page", "2"),
                bad("status", "status", "succeeded", "status", "failed"),
                bad("limit", "limit", "2", "limit", "3"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unusableListParameters")
    void everyUnusableListParameterIsAValidationProblemNamingIt(String field, List<String> query) {
        Answer answer = api.get("/api/payments", query.toArray(String[]::new));

        assertValidationProblem(answer, field);
    }

    @Test
    void aCursorServesOnlyTheSortOrderThatMadeIt() {
        String byAmountAscending = list("sort", "amount", "order", "asc", "limit", "2")
                .get("nextCursor")
                .asString();

        assertThat(get(
                                "/api/payments",
                                "customerId",
                                customer,
                                "sort",
                                "amount",
                                "order",
                                "asc",
                                "cursor",
                                byAmountAscending)
                        .get("data"))
                .hasSize(6);
        for (String[] otherOrder : List.of(
                new String[] {"sort", "amount", "order", "desc"},
                new String[] {"sort", "createdAt", "order", "asc"},
                new String[] {"sort", "createdAt"},
                new String[] {})) {
            List<String> query = new ArrayList<>(List.of(otherOrder));
            query.addAll(List.of("customerId", customer, "cursor", byAmountAscending));
            assertValidationProblem(api.get("/api/payments", query.toArray(String[]::new)), "cursor");
        }
    }

    // --- export ---------------------------------------------------------------------------------------------------

    @Test
    void theExportIsRfc4180CsvWithAHeaderRow() throws IOException {
        Answer answer = api.get("/api/payments/export", "format", "csv", "customerId", customer);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.contentType().isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .isTrue();
        assertThat(answer.body()).contains("\"50% off, \"\"quoted\"\"\nsecond line\"");
        assertThat(answer.body().split("\r\n", 2)[0])
                .isEqualTo("id,status,amount,currency,amount_refunded,customer_id,order_id,description,provider,"
                        + "provider_payment_id,failure_code,reconciliation_status,settlement_id,fee,net_amount,"
                        + "created_at,succeeded_at,updated_at,archived");

        Map<String, CSVRecord> rows = csv(answer.body());
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(idsOf(payments.keySet()));
        for (JsonNode payment : payments.values()) {
            CSVRecord row = rows.get(id(payment));
            assertThat(row.get("status")).isEqualTo(payment.get("status").asString());
            assertThat(row.get("amount")).isEqualTo(payment.get("amount").asString());
            assertThat(row.get("currency")).isEqualTo(payment.get("currency").asString());
            assertThat(row.get("amount_refunded"))
                    .isEqualTo(payment.get("amountRefunded").asString());
            assertThat(row.get("customer_id")).isEqualTo(customer);
            assertThat(row.get("created_at")).isEqualTo(payment.get("createdAt").asString());
            assertThat(row.get("updated_at")).isEqualTo(payment.get("updatedAt").asString());
            assertThat(row.get("archived")).isEqualTo("false");
        }
        assertThat(rows.get(id(payments.get("quoted"))).get("description")).isEqualTo(TRICKY_DESCRIPTION);
        assertThat(rows.get(id(payments.get("declined"))).get("failure_code")).isEqualTo("card_declined");
        assertThat(rows.get(id(payments.get("pending"))).get("order_id")).isEmpty();
    }

    @Test
    void theExportTakesTheListsFilters() throws IOException {
        Answer byStatus = api.get("/api/payments/export", "customerId", customer, "status", "failed,canceled");
        Answer byCurrencyAndAmount =
                api.get("/api/payments/export", "customerId", customer, "currency", "EUR", "minAmount", "3000");

        assertThat(csv(byStatus.body()).keySet())
                .containsExactlyInAnyOrderElementsOf(idsOf(List.of("declined", "canceled")));
        assertThat(csv(byCurrencyAndAmount.body()).keySet()).containsExactlyElementsOf(idsOf(List.of("refunded")));
    }

    @ParameterizedTest
    @CsvSource({"format, xml", "format, CSV", "limit, 5", "status, authorized", "createdFrom, soon"})
    void theExportRefusesWhatItCannotUse(String name, String value) {
        assertValidationProblem(api.get("/api/payments/export", name, value), name);
    }

    // --- the live feed --------------------------------------------------------------------------------------------

    @Test
    void aSubscriberHearsOfAPaymentCreatedAfterItSubscribed() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/payments/feed"))
                .header("Accept", "text/event-stream")
                .header("Authorization", TestTokens.adminAuthorization())
                .build();
        HttpResponse<Stream<String>> response =
                http.sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                Iterator<String> body = response.body().iterator();
                while (body.hasNext()) {
                    lines.add(body.next());
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            String id = id(create(payment("cus_history_" + UUID.randomUUID(), 3100, "usd", "pm_card_visa")));

            List<JsonNode> updates = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(10);
            String event = null;
            while (updates.size() < 2 && Instant.now().isBefore(deadline)) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line == null) {
                    continue;
                }
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length());
                } else if (line.startsWith("data:") && line.contains(id)) {
                    assertThat(event).isEqualTo("payment");
                    updates.add(LedgerApi.JSON.readTree(line.substring("data:".length())));
                }
            }

            assertThat(updates).as("updates of %s within 10 s", id).hasSize(2);
            assertThat(updates.get(0).get("paymentId").asString()).isEqualTo(id);
            assertThat(updates.get(0).get("event").asString()).isEqualTo("PaymentCreated");
            assertThat(updates.get(0).get("version").asLong()).isEqualTo(1);
            assertThat(updates.get(1).get("event").asString()).isEqualTo("PaymentSucceeded");
            assertThat(updates.get(1).get("version").asLong()).isEqualTo(2);
            assertThat(Instant.parse(updates.get(1).get("occurredAt").asString()))
                    .isEqualTo(Instant.parse(readLatest(id).get("updatedAt").asString()));
        } finally {
            response.body().close();
            reader.interrupt();
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A payment of the list scenario's customer, confirmed with the method. */
    private Map<String, Object> payment(long amount, String currency, String paymentMethod) {
        return payment(customer, amount, currency, paymentMethod);
    }

    private static Map<String, Object> payment(String customerId, long amount, String currency, String paymentMethod) {
        return Map.of(
                "amount",
                amount,
                "currency",
                currency,
                "customerId",
                customerId,
                "paymentMethod",
                paymentMethod,
                "confirm",
                true);
    }

    private static Map<String, Object> settlement(String id, long gross, long fee, long net, String settledAt) {
        return Map.of("settlementId", id, "grossAmount", gross, "fee", fee, "netAmount", net, "settledAt", settledAt);
    }

    private JsonNode create(Map<String, Object> body) {
        Answer answer = api.post("/api/payments", body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json();
    }

    private JsonNode command(String id, String path, Object body, int expectedStatus) {
        Answer answer = api.post("/api/payments/" + id + path, body);
        assertThat(answer.status()).as("%s", answer).isEqualTo(expectedStatus);
        return answer.json();
    }

    /** Refunds {@code amount} (null: all that remains); answers the refund resource. */
    private JsonNode refund(String id, Long amount) {
        JsonNode refund = command(id, "/refunds", amount == null ? null : Map.of("amount", amount), 201);
        assertThat(refund.get("status").asString()).isEqualTo("succeeded");
        return refund;
    }

    /** The payment's current state from the command side: confirming a captured payment again changes nothing. */
    private JsonNode noOpConfirm(String id) {
        return command(id, "/confirm", null, 200);
    }

    /**
     * Reads the payment with the command answer's version as {@code minVersion}, right away and once, and asserts it
     * equals the answer (without the create answer's client secret). Answers the read.
     */
    private JsonNode assertReadEquals(JsonNode commandAnswer) {
        ObjectNode expected = (ObjectNode) commandAnswer.deepCopy();
        expected.remove("clientSecret");
        Answer read = api.get(
                "/api/payments/" + id(commandAnswer),
                "minVersion",
                commandAnswer.get("version").asString());
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        JsonNode payment = read.json();
        assertThat(payment.propertyNames()).containsExactlyInAnyOrderElementsOf(RESOURCE_FIELDS);
        assertThat((Object) payment).isEqualTo(expected);
        return payment;
    }

    /** The payment as the read model has it once it reflects every event stored for it. */
    private JsonNode readLatest(String id) {
        long version = db.eventsOf(id).size();
        Answer read = api.get("/api/payments/" + id, "minVersion", Long.toString(version));
        assertThat(read.status()).as("%s", read).isEqualTo(200);
        assertThat(read.json().get("version").asLong()).isEqualTo(version);
        return read.json();
    }

    private JsonNode get(String path, String... query) {
        Answer answer = api.get(path, query);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    /** A page of the scenario customer's payments, with more parameters. */
    private JsonNode list(String... query) {
        List<String> all = new ArrayList<>(List.of("customerId", customer));
        all.addAll(List.of(query));
        return get("/api/payments", all.toArray(String[]::new));
    }

    /** The names of the scenario's payments that the list answers with these parameters, in the answer's order. */
    private List<String> names(String... query) {
        List<String> all = new ArrayList<>(List.of("limit", "100"));
        all.addAll(List.of(query));
        Map<String, String> namesById = new LinkedHashMap<>();
        payments.forEach((name, payment) -> namesById.put(id(payment), name));
        return ids(list(all.toArray(String[]::new))).stream()
                .map(id -> namesById.getOrDefault(id, id))
                .toList();
    }

    private List<String> ids(String path, String... query) {
        return ids(get(path, query));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(payment -> ids.add(payment.get("id").asString()));
        return ids;
    }

    private List<String> idsOf(Iterable<String> names) {
        List<String> ids = new ArrayList<>();
        names.forEach(name -> ids.add(id(payments.get(name))));
        return ids;
    }

    private JsonNode byId(String id) {
        return payments.values().stream()
                .filter(payment -> id(payment).equals(id))
                .findFirst()
                .orElseThrow();
    }

    private Instant createdAt(String name) {
        return Instant.parse(payments.get(name).get("createdAt").asString());
    }

    private static String id(JsonNode payment) {
        return payment.get("id").asString();
    }

    /** The export's rows by payment id, parsed as RFC 4180 with the header row naming the columns. */
    private static Map<String, CSVRecord> csv(String body) throws IOException {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        try (CSVParser parser = CSVParser.parse(
                new StringReader(body),
                CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get())) {
            for (CSVRecord row : parser) {
                assertThat(row.isConsistent())
                        .as("row %d has every column", row.getRecordNumber())
                        .isTrue();
                rows.put(row.get("id"), row);
            }
        }
        return rows;
    }

    private static void assertValidationProblem(Answer answer, String field) {
        assertProblem(answer, 400, "validation_failed");
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo(field);
    }

    private static Arguments bad(String field, String... query) {
        return Arguments.of(field, List.of(query));
    }

    /** A cursor made by hand in the list's encoding. */
    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
