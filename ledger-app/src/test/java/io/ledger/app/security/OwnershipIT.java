package io.ledger.app.security;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Customers' tokens ({@code payments:read:own payments:write:own}) see and change only their own payments, with the
 * ledger's JWT secret in a context of its own. Each test has customers of its own, so lists are compared exactly.
 * Another customer's payment is answered as an unknown one, word for word; refused calls leave nothing behind.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.jwt.secret=" + OwnershipIT.SECRET)
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class OwnershipIT {

    static final String SECRET = "an-ownership-test-secret-for-HS256-long-enough";

    private static final String CUSTOMER_SCOPES = "payments:read:own payments:write:own";
    /** An id no payment has. */
    private static final String UNKNOWN = PaymentId.newId().value();

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @LocalServerPort
    int port;

    /** The shop's backend: creates for any customer and reads every payment. */
    private LedgerApi shop;

    @BeforeEach
    void shop() {
        shop = as("shop-" + UUID.randomUUID(), "payments:write payments:read");
    }

    @Test
    void aCustomerListsExportsAndReadsOnlyItsOwnPayments() {
        Customer a = customer("cus_a_");
        Customer b = customer("cus_b_");
        String aPending = a.create(Map.of("amount", 1_000, "currency", "usd"));
        String aPaid =
                a.create(Map.of("amount", 2_000, "currency", "usd", "paymentMethod", "pm_card_visa", "confirm", true));
        String aByShop = createByShop(a.id, 3_000);
        String bPending = b.create(Map.of("amount", 4_000, "currency", "usd"));
        String bByShop = createByShop(b.id, 5_000);
        awaitReadModel(aPending, aPaid, aByShop, bPending, bByShop);

        // Two to a page: the keyset paging of the confined list neither skips nor repeats.
        assertThat(allPages(a.api, "limit", "2")).containsExactlyInAnyOrder(aPending, aPaid, aByShop);
        assertThat(allPages(b.api, "limit", "2")).containsExactlyInAnyOrder(bPending, bByShop);
        assertThat(allPages(a.api, "customerId", b.id)).isEmpty();
        assertThat(allPages(a.api, "customerId", a.id, "status", "succeeded")).containsExactly(aPaid);
        assertThat(allPages(a.api, "q", bPending)).isEmpty();
        assertThat(allPages(shop, "customerId", b.id)).containsExactlyInAnyOrder(bPending, bByShop);

        assertThat(exportedIds(a.api)).containsExactlyInAnyOrder(aPending, aPaid, aByShop);
        assertThat(exportedIds(a.api, "customerId", b.id)).isEmpty();
        assertThat(exportedIds(shop, "customerId", a.id)).containsExactlyInAnyOrder(aPending, aPaid, aByShop);

        Answer own = a.api.get("/api/payments/" + aByShop);
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.json().get("customerId").asString()).isEqualTo(a.id);
        assertAnsweredAsUnknown(a.api.get("/api/payments/" + bPending), "/api/payments/" + bPending, a.api);
        assertAnsweredAsUnknown(
                a.api.get("/api/payments/" + bPending, "minVersion", "1"), "/api/payments/" + bPending, a.api);
    }

    @Test
    void aCustomerSeesTheDisputesOfItsOwnPaymentsOnly() {
        Customer a = customer("cus_a_");
        Customer b = customer("cus_b_");
        String aPaid =
                a.create(Map.of("amount", 2_500, "currency", "usd", "paymentMethod", "pm_card_visa", "confirm", true));
        String bPaid =
                b.create(Map.of("amount", 2_500, "currency", "usd", "paymentMethod", "pm_card_visa", "confirm", true));
        commands.sendAndWait(new RecordDisputeOpenedCommand(
                PaymentId.of(aPaid),
                "dp_" + UUID.randomUUID(),
                Money.of(2_500, "usd"),
                Money.of(1_500, "usd"),
                "fraudulent"));
        commands.sendAndWait(new RecordDisputeOpenedCommand(
                PaymentId.of(bPaid),
                "dp_" + UUID.randomUUID(),
                Money.of(2_500, "usd"),
                Money.of(1_500, "usd"),
                "fraudulent"));
        awaitReadModel(aPaid, bPaid);

        Answer own = a.api.get("/api/payments/" + aPaid + "/disputes");
        assertThat(own.status()).as("%s", own).isEqualTo(200);
        assertThat(own.json().get("data")).hasSize(1);
        assertAnsweredAsUnknown(
                a.api.get("/api/payments/" + bPaid + "/disputes"), "/api/payments/" + bPaid + "/disputes", a.api);
        assertThat(shop.get("/api/payments/" + bPaid + "/disputes").json().get("data"))
                .hasSize(1);
    }

    @Test
    void aCustomerCannotConfirmOrCancelAnotherCustomersPaymentAndLeavesNothingBehind() {
        Customer a = customer("cus_a_");
        Customer b = customer("cus_b_");
        String bPending = b.create(Map.of("amount", 1_500, "currency", "usd", "paymentMethod", "pm_card_visa"));
        long eventsBefore = eventsOf(bPending);

        for (String move : List.of("confirm", "cancel")) {
            String key = LedgerApi.newIdempotencyKey();
            String path = "/api/payments/" + bPending + "/" + move;
            Answer refused = a.api.post(path, Map.of(), "Idempotency-Key", key);
            Answer unknown = a.api.post("/api/payments/" + UNKNOWN + "/" + move, Map.of());

            assertProblem(refused, 404, "payment_not_found");
            assertSameProblem(refused, unknown, path);
            assertThat(idempotencyRows(key))
                    .as("idempotency rows of a refused %s", move)
                    .isZero();
        }
        assertThat(eventsOf(bPending)).isEqualTo(eventsBefore);
        assertThat(shop.get("/api/payments/" + bPending, "minVersion", String.valueOf(eventsBefore))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("pending");

        Answer confirmed = b.api.post("/api/payments/" + bPending + "/confirm", Map.of());
        assertThat(confirmed.status())
                .as("its own customer confirms it: %s", confirmed)
                .isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("succeeded");
        String bOther = b.create(Map.of("amount", 1_500, "currency", "usd"));
        Answer canceled = b.api.post("/api/payments/" + bOther + "/cancel", Map.of());
        assertThat(canceled.status())
                .as("its own customer cancels it: %s", canceled)
                .isEqualTo(200);
        assertThat(canceled.json().get("status").asString()).isEqualTo("canceled");
    }

    @Test
    void aCustomerCreatesPaymentsOnlyForItself() {
        Customer a = customer("cus_a_");
        String victim = "cus_victim_" + UUID.randomUUID();
        String key = LedgerApi.newIdempotencyKey();

        Answer forAnother = a.api.post(
                "/api/payments",
                Map.of(
                        "amount",
                        1_000,
                        "currency",
                        "usd",
                        "customerId",
                        victim,
                        "paymentMethod",
                        "pm_card_visa",
                        "confirm",
                        true),
                "Idempotency-Key",
                key);

        assertProblem(forAnother, 403, "forbidden");
        assertThat(idempotencyRows(key)).isZero();
        assertThat(eventsOfCustomer(victim)).isZero();

        Answer omitted = a.api.post("/api/payments", Map.of("amount", 1_000, "currency", "usd"));
        Answer named = a.api.post("/api/payments", Map.of("amount", 1_000, "currency", "usd", "customerId", a.id));
        assertThat(omitted.status()).as("%s", omitted).isEqualTo(201);
        assertThat(omitted.json().get("customerId").asString()).isEqualTo(a.id);
        assertThat(named.status()).as("%s", named).isEqualTo(201);
        assertThat(named.json().get("customerId").asString()).isEqualTo(a.id);

        // The shop's backend names the customer; omitting it is a request to fix.
        Answer shopOmits = shop.post("/api/payments", Map.of("amount", 1_000, "currency", "usd"));
        assertProblem(shopOmits, 400, "validation_failed");
        assertThat(shopOmits.json().get("errors").get(0).get("field").asString())
                .isEqualTo("customerId");
    }

    @Test
    void aCustomerMayNotRefundEvenItsOwnPayment() {
        Customer a = customer("cus_a_");
        String aPaid =
                a.create(Map.of("amount", 2_000, "currency", "usd", "paymentMethod", "pm_card_visa", "confirm", true));
        String key = LedgerApi.newIdempotencyKey();

        Answer refund =
                a.api.post("/api/payments/" + aPaid + "/refunds", Map.of("amount", 500), "Idempotency-Key", key);

        assertProblem(refund, 403, "forbidden");
        assertThat(refund.json().get("detail").asString()).contains("refunds:write");
        assertThat(idempotencyRows(key)).isZero();
        assertThat(refundEventsOf(aPaid)).isZero();
        LedgerApi support = as("support-" + UUID.randomUUID(), "refunds:write");
        assertThat(support.post("/api/payments/" + aPaid + "/refunds", Map.of("amount", 500))
                        .status())
                .isEqualTo(201);
        assertThat(refundEventsOf(aPaid)).isPositive();
    }

    @Test
    void theLiveFeedTellsACustomerOnlyOfItsOwnPayments() throws Exception {
        Customer a = customer("cus_a_");
        Customer b = customer("cus_b_");
        try (Feed aFeed = feed(a.token);
                Feed shopFeed = feed(token("shop-" + UUID.randomUUID(), "payments:read"))) {
            String bPaid = b.create(
                    Map.of("amount", 1_200, "currency", "usd", "paymentMethod", "pm_card_visa", "confirm", true));
            shopFeed.await(bPaid, "PaymentSucceeded");
            // The feed sends every change in order on one thread: had B's reached A, it would come before A's own.
            String aPaid = a.create(
                    Map.of("amount", 1_300, "currency", "usd", "paymentMethod", "pm_card_visa", "confirm", true));
            aFeed.await(aPaid, "PaymentSucceeded");

            assertThat(aFeed.paymentIds()).containsOnly(aPaid);
            assertThat(shopFeed.paymentIds()).contains(bPaid);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A customer at checkout: its token's subject is its customer id. */
    private record Customer(String id, String token, LedgerApi api) {

        /** Creates a payment for itself (no customerId: its own) and answers its id. */
        String create(Map<String, Object> body) {
            Answer created = api.post("/api/payments", body);
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            assertThat(created.json().get("customerId").asString()).isEqualTo(id);
            return created.json().get("id").asString();
        }
    }

    private Customer customer(String prefix) {
        String id = prefix + UUID.randomUUID();
        String token = token(id, CUSTOMER_SCOPES);
        return new Customer(id, token, withToken(token));
    }

    private String createByShop(String customer, long amount) {
        Answer created =
                shop.post("/api/payments", Map.of("amount", amount, "currency", "usd", "customerId", customer));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Waits until the read model holds every payment (the shop may read them all). */
    private void awaitReadModel(String... ids) {
        for (String id : ids) {
            long version = eventsOf(id);
            Answer read = shop.get("/api/payments/" + id, "minVersion", String.valueOf(version));
            assertThat(read.status()).as("%s", read).isEqualTo(200);
            assertThat(read.json().get("version").asLong()).isEqualTo(version);
        }
    }

    /** The ids of every page of the list, following nextCursor. */
    private static List<String> allPages(LedgerApi api, String... parameters) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            List<String> query = new ArrayList<>(List.of(parameters));
            if (cursor != null) {
                query.add("cursor");
                query.add(cursor);
            }
            Answer page = api.get("/api/payments", query.toArray(String[]::new));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().get("data").forEach(payment -> ids.add(payment.get("id").asString()));
            cursor = page.json().get("hasMore").asBoolean()
                    ? page.json().get("nextCursor").asString()
                    : null;
        } while (cursor != null);
        assertThat(ids).doesNotHaveDuplicates();
        return ids;
    }

    private static List<String> exportedIds(LedgerApi api, String... filters) {
        Answer export = api.get("/api/payments/export", filters);
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        List<String> lines = export.body().lines().toList();
        assertThat(lines.get(0)).startsWith("id,");
        return lines.stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
    }

    /** A 404 that says word for word what an unknown id's does, so it does not tell that the payment exists. */
    private static void assertAnsweredAsUnknown(Answer answer, String path, LedgerApi api) {
        assertProblem(answer, 404, "payment_not_found");
        String unknownPath = path.replaceFirst("pay_[0-9A-Za-z]+", UNKNOWN);
        assertSameProblem(answer, api.get(unknownPath), path);
    }

    private static void assertSameProblem(Answer answer, Answer unknown, String path) {
        assertThat(answer.json().get("instance").asString()).isEqualTo(path);
        assertThat(withoutInstance(answer)).isEqualTo(withoutInstance(unknown));
        assertThat(answer.status()).isEqualTo(unknown.status());
        assertThat(answer.contentType()).isEqualTo(unknown.contentType());
    }

    private static Map<String, JsonNode> withoutInstance(Answer answer) {
        Map<String, JsonNode> fields = new HashMap<>();
        answer.json().properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
        fields.remove("instance");
        return fields;
    }

    /** The payment's events in the store: what its version should be, and what a refused call must not add to. */
    private long eventsOf(String paymentId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(paymentId)
                .query(Long.class)
                .single();
    }

    private long eventsOfCustomer(String customer) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload ->> 'customerId' = ?")
                .param(customer)
                .query(Long.class)
                .single();
    }

    private long refundEventsOf(String paymentId) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type LIKE '%Refund%'
                        """).param(paymentId).query(Long.class).single();
    }

    private long idempotencyRows(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    private LedgerApi as(String subject, String scope) {
        return withToken(token(subject, scope));
    }

    private LedgerApi withToken(String token) {
        return new LedgerApi(client.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build());
    }

    private static String token(String subject, String scope) {
        return TokenCommand.mint(SECRET, subject, scope, Duration.ofMinutes(10), Instant.now());
    }

    // --- the live feed --------------------------------------------------------------------------------------------

    private Feed feed(String token) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/payments/feed"))
                .header("Accept", "text/event-stream")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
        HttpResponse<Stream<String>> response =
                http.sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        return new Feed(response);
    }

    /** One subscriber's updates, read on a thread of their own. */
    private static final class Feed implements AutoCloseable {

        private final HttpResponse<Stream<String>> response;
        private final BlockingQueue<JsonNode> arriving = new LinkedBlockingQueue<>();
        private final List<JsonNode> updates = new ArrayList<>();
        private final Thread reader;

        Feed(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = new Thread(() -> {
                try {
                    Iterator<String> lines = response.body().iterator();
                    while (lines.hasNext()) {
                        String line = lines.next();
                        if (line.startsWith("data:")) {
                            arriving.add(LedgerApi.JSON.readTree(line.substring("data:".length())));
                        }
                    }
                } catch (RuntimeException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** Reads updates until this payment's event arrives (at most 10 s). */
        void await(String paymentId, String event) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                JsonNode update = arriving.poll(100, TimeUnit.MILLISECONDS);
                if (update == null) {
                    continue;
                }
                updates.add(update);
                if (update.get("paymentId").asString().equals(paymentId)
                        && update.get("event").asString().equals(event)) {
                    return;
                }
            }
            throw new AssertionError(event + " of " + paymentId + " not heard within 10 s; heard " + updates);
        }

        /** The payments heard of so far. */
        Set<String> paymentIds() {
            arriving.drainTo(updates);
            return Set.copyOf(updates.stream()
                    .map(update -> update.get("paymentId").asString())
                    .toList());
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}
