package io.ledger.app.security;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.Webhook;
import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import io.ledger.app.support.TestDatabaseEnvironmentPostProcessor;
import io.ledger.app.support.stripe.FakeStripe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.node.ObjectNode;

/**
 * No secret leaves the place it belongs: the ledger runs with a JWT secret, Stripe as its provider (a Stripe key, a
 * fake Stripe in test mode, {@link FakeStripe}) and a webhook signing secret, its log captured (in the text format:
 * Spring Boot keeps a structured format in a system property, so every later application of this JVM would write
 * JSON; {@code LogFormatTest} reads the JSON lines). One scenario calls every endpoint the ledger maps under {@code /api}, pays
 * through Stripe, receives a signed webhook and sends what must be refused (card data, bad tokens, bad bodies, a bad
 * signature). Then the log, every answer (its headers and body), the events' payloads and metadata and every table of
 * the database are searched for each secret: the bearer tokens, the JWT secret, the Stripe key, the webhook secret,
 * the client secrets Stripe handed out and the card numbers. The lines written while serving the scenario's requests
 * name each request and its caller. Its own application context and database, closed after the class.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            TestDatabaseEnvironmentPostProcessor.OWN_DATABASE + "=nothing_leaks",
            // A small pool: this context comes and goes beside the cached ones, on a server other builds share.
            "spring.datasource.hikari.maximum-pool-size=8",
            "ledger.jwt.secret=" + NothingLeaksIT.JWT_SECRET,
            "stripe.retry.initial-backoff=PT0.01S",
            "stripe.retry.max-backoff=PT0.05S",
            "stripe.circuit-breaker.sliding-window-size=100",
            "stripe.circuit-breaker.minimum-number-of-calls=100"
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class NothingLeaksIT {

    static final String JWT_SECRET = "jwt-secret-NothingLeaks-7d1f0c9a2b4e6f8a";
    private static final String STRIPE_KEY = "sk_test_NothingLeaks51Hq8ZtY3kP0wX";
    private static final String WEBHOOK_SECRET = "whsec_NothingLeaks4Jm2Vn7Rc9Lb1Qd";
    private static final String CALLER = "leaks-merchant";
    /** Stripe's test card numbers: what a careless client might send where a PaymentMethod id belongs. */
    private static final List<String> CARD_NUMBERS = List.of("4242424242424242", "4000056655665556");

    private static final FakeStripe stripe = new FakeStripe();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry properties) {
        properties.add("stripe.secret-key", () -> STRIPE_KEY);
        properties.add("stripe.api-base", stripe::base);
        properties.add("stripe.webhook-secret", () -> WEBHOOK_SECRET);
        // The inbox worker runs as in production, so the webhook's sync happens as it would.
        properties.add("ledger.webhook.worker.enabled", () -> "true");
        properties.add("ledger.webhook.poll-interval", () -> "PT0.1S");
    }

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @LocalServerPort
    int port;

    private final String token =
            TokenCommand.mint(JWT_SECRET, CALLER, TokenCommand.EVERY_SCOPE, Duration.ofHours(1), Instant.now());
    private final List<String> tokens = new ArrayList<>(List.of(token));
    private final List<String> clientSecrets = new ArrayList<>();
    /** Every answer but those allowed to carry a client secret: a create's own and its idempotent replay. */
    private final List<Answer> answers = new ArrayList<>();
    /** The create answers, which carry their payment's client secret and nothing else secret. */
    private final List<Answer> createAnswers = new ArrayList<>();
    /** Each request's X-Request-Id and the caller its log lines must name. */
    private final Map<String, String> callers = new LinkedHashMap<>();
    /** The routes called, as Spring MVC maps them: method and path pattern. */
    private final Set<String> called = new TreeSet<>();

    private final AtomicInteger requests = new AtomicInteger();
    private final String customer = "cus_leaks_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void aWholeScenarioLeavesNoSecretInTheLogsAnswersEventsOrTables(CapturedOutput output) throws Exception {
        String paid = paysThroughStripe();
        String declined = aDeclinedPaymentAndCardDataThatIsRefused();
        String failed = createPending(1_200);
        assertThat(call(
                                "POST",
                                "/api/payments/{id}/fail",
                                Map.of("code", "card_declined", "message", "declined"),
                                failed)
                        .status())
                .isEqualTo(200);
        String canceled = createPending(1_300);
        assertThat(call("POST", "/api/payments/{id}/cancel", Map.of("reason", "requested_by_customer"), canceled)
                        .status())
                .isEqualTo(200);
        String updated = createPending(1_400);
        Map<String, Object> patch = Map.of("amount", 1_450, "description", "patched", "metadata", Map.of("k", "v"));
        assertThat(call("PATCH", "/api/payments/{id}", patch, updated).status()).isEqualTo(200);
        assertThat(call("DELETE", "/api/payments/{id}", null, updated).status()).isEqualTo(200);
        refundsAndReconciles(paid);
        aStripeFailureIsRetriedAndLoggedForItsRequestAndCaller();
        String webhookEvent = receivesASignedWebhookAndRefusesBadSignatures(paid);
        refusesBadTokensAndBodies();
        keepsACustomerBatchesAndOpensACheckout();
        readsEverything(paid, declined, webhookEvent);
        awaitProjections();

        assertThat(called).as("every route the ledger maps under /api").containsAll(mappedRoutes());
        assertThat(stripe.received().get(0).authorization())
                .as("the Stripe key was in use")
                .isEqualTo("Bearer " + STRIPE_KEY);
        assertThat(clientSecrets).as("Stripe handed out client secrets").hasSizeGreaterThanOrEqualTo(4);

        Map<String, String> secrets = secrets();
        String log = output.getAll();
        secrets.forEach(
                (name, secret) -> assertThat(log).as("the log quotes %s", name).doesNotContain(secret));
        for (Answer answer : answers) {
            String shown = answer.headers() + " " + answer.body();
            secrets.forEach((name, secret) -> assertThat(shown)
                    .as("an answer quotes %s: %s", name, answer)
                    .doesNotContain(secret));
        }
        for (Answer create : createAnswers) {
            String shown = create.headers() + " " + create.body();
            secretsButClientSecrets()
                    .forEach((name, secret) -> assertThat(shown)
                            .as("a create answer quotes %s", name)
                            .doesNotContain(secret));
        }
        secrets.forEach((name, secret) -> assertThat(eventsMentioning(secret))
                .as("events whose payload or metadata quote %s", name)
                .isZero());
        secrets.forEach((name, secret) -> assertThat(tablesMentioning(secret, name.startsWith("client secret")))
                .as("tables quoting %s", name)
                .isEmpty());
        everyLineOfTheScenarioNamesItsRequestAndCaller(log);
    }

    // --- the scenario -------------------------------------------------------------------------------------------

    /** A card payment confirmed at once, its create retried with the same key. */
    private String paysThroughStripe() {
        Map<String, Object> body = payment(2_500, "pm_card_visa", true);
        String key = LedgerApi.newIdempotencyKey();
        Answer created = create(body, key);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("succeeded");
        Answer replay = create(body, key);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        return created.json().get("id").asString();
    }

    /**
     * A pending payment that a client tries to pay with card numbers (as the payment method, in a field the API does
     * not have, as an amount), all refused, then with a card Stripe declines.
     */
    private String aDeclinedPaymentAndCardDataThatIsRefused() {
        String id = createPending(1_100);
        Answer asMethod = call("POST", "/api/payments/{id}/confirm", Map.of("paymentMethod", CARD_NUMBERS.get(0)), id);
        assertThat(asMethod.status()).as("%s", asMethod).isEqualTo(400);
        Map<String, Object> withCard = new LinkedHashMap<>(payment(1_000, null, false));
        withCard.put("card", Map.of("number", CARD_NUMBERS.get(1), "exp_month", 12, "exp_year", 2034, "cvc", "314"));
        assertProblem(call("POST", "/api/payments", withCard), 400, "validation_failed");
        Map<String, Object> numberAsAmount = new LinkedHashMap<>(payment(1_000, null, false));
        numberAsAmount.put("amount", CARD_NUMBERS.get(1));
        assertProblem(call("POST", "/api/payments", numberAsAmount), 400, "validation_failed");
        Map<String, Object> numberAsMethod = payment(1_000, CARD_NUMBERS.get(0), true);
        Answer createdWithNumber = call("POST", "/api/payments", numberAsMethod);
        assertThat(createdWithNumber.status()).as("%s", createdWithNumber).isEqualTo(400);

        Answer declined =
                call("POST", "/api/payments/{id}/confirm", Map.of("paymentMethod", "pm_card_chargeDeclined"), id);
        assertThat(declined.status()).as("%s", declined).isEqualTo(200);
        assertThat(declined.json().get("status").asString()).isEqualTo("failed");
        Answer confirmed = call("POST", "/api/payments/{id}/confirm", Map.of("paymentMethod", "pm_card_visa"), id);
        assertThat(confirmed.json().get("status").asString())
                .as("%s", confirmed)
                .isEqualTo("succeeded");
        return id;
    }

    private void refundsAndReconciles(String id) {
        Answer refund = call(
                "POST", "/api/payments/{id}/refunds", Map.of("amount", 500, "reason", "requested_by_customer"), id);
        assertThat(refund.status()).as("%s", refund).isEqualTo(201);
        Answer reconciled = call(
                "POST",
                "/api/payments/{id}/reconcile",
                Map.of(
                        "settlementId",
                        "st_leaks_1",
                        "grossAmount",
                        2_500,
                        "fee",
                        100,
                        "netAmount",
                        2_400,
                        "settledAt",
                        Instant.now().toString()),
                id);
        assertThat(reconciled.status()).as("%s", reconciled).isEqualTo(200);
    }

    /** Stripe answers a 500 once: the ledger retries, and its warning is written while serving the request. */
    private void aStripeFailureIsRetriedAndLoggedForItsRequestAndCaller() {
        String id = createPending(1_400);
        stripe.failNext("/confirm", 1, 500);
        Answer confirmed = call("POST", "/api/payments/{id}/confirm", Map.of("paymentMethod", "pm_card_visa"), id);
        assertThat(confirmed.json().get("status").asString())
                .as("%s", confirmed)
                .isEqualTo("succeeded");
    }

    /** Stripe reports the paid payment's success (its PaymentIntent, client secret included, as Stripe sends it). */
    private String receivesASignedWebhookAndRefusesBadSignatures(String paymentId) {
        String intentId = call("GET", "/api/payments/{id}", null, paymentId)
                .json()
                .get("providerPaymentId")
                .asString();
        ObjectNode event = LedgerApi.JSON.createObjectNode();
        String eventId = "evt_leaks_" + UUID.randomUUID().toString().replace("-", "");
        event.put("id", eventId);
        event.put("object", "event");
        event.put("api_version", FakeStripe.API_VERSION);
        event.put("created", Instant.now().getEpochSecond());
        event.put("type", "payment_intent.succeeded");
        event.put("livemode", false);
        event.putObject("data").set("object", stripe.intent(intentId));
        String payload = event.toString();
        assertThat(payload).contains("client_secret");

        Answer forged = webhook(payload, sign(payload, "whsec_someone_elses_secret_000000"));
        assertProblem(forged, 400, "invalid_signature");
        assertProblem(webhook(payload, "t=1,v1=" + "0".repeat(64)), 400, "invalid_signature");
        Answer received = webhook(payload, sign(payload, WEBHOOK_SECRET));
        assertThat(received.status()).as("%s", received).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("SELECT state FROM stripe_webhook_event WHERE stripe_event_id = ?")
                                .param(eventId)
                                .query(String.class)
                                .single(),
                        "processed"::equals);
        return eventId;
    }

    private void refusesBadTokensAndBodies() {
        Instant now = Instant.now();
        String expired = TokenCommand.mint(
                JWT_SECRET, CALLER, TokenCommand.EVERY_SCOPE, Duration.ofMinutes(5), now.minus(Duration.ofHours(1)));
        String foreign = TokenCommand.mint(
                "another-secret-NothingLeaks-that-is-32-bytes",
                CALLER,
                TokenCommand.EVERY_SCOPE,
                Duration.ofHours(1),
                now);
        String garbage = "eyJhbGciOiJIUzI1NiJ9.garbageNothingLeaks0123456789.c2lnbmF0dXJlTm90aGluZ0xlYWtz";
        tokens.addAll(List.of(expired, foreign, garbage));
        for (String bad : List.of(expired, foreign, garbage)) {
            assertProblem(callAs(bad, "anonymous", "GET", "/api/payments", null), 401, "unauthorized");
            assertProblem(
                    callAs(bad, "anonymous", "POST", "/api/payments", payment(1_000, null, false)),
                    401,
                    "unauthorized");
        }
        assertProblem(callAs(null, "anonymous", "GET", "/api/payments", null), 401, "unauthorized");
        assertProblem(call("POST", "/api/payments", "{\"amount\": 1000, \"currency\": "), 400, "validation_failed");
        assertProblem(
                call("POST", "/api/payments", Map.of("amount", -5, "currency", "usd", "customerId", customer)),
                400,
                "validation_failed");
        assertProblem(call("GET", "/api/payments/{id}", null, "pay_doesNotExist"), 404, "payment_not_found");
    }

    private void readsEverything(String paid, String declined, String webhookEvent) throws Exception {
        awaitProjections();
        assertThat(call("GET", "/api/payments", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/payments/{id}", null, declined).status()).isEqualTo(200);
        assertThat(call("GET", "/api/payments/{id}/disputes", null, paid).status())
                .isEqualTo(200);
        // The receipts processor follows the store as the read models do, on its own.
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        call("GET", "/api/payments/{id}/receipt", null, paid).status() == 200);
        assertThat(call("GET", "/api/payments/export?format=csv", null).status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/payments/stats", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/payments/unreconciled", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/payments/reconciliation", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/payments/reports?format=csv", null).status())
                .isEqualTo(200);
        feed();
        assertThat(call("GET", "/api/ledger/accounts", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/ledger/accounts/{account}/entries", null, "processor_clearing")
                        .status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/ledger/trial-balance", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/audit/payments/{id}/events", null, paid).status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/audit/payments/{id}?asOf=" + Instant.now(), null, declined)
                        .status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/audit/events?afterIndex=0", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/audit/projections", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/audit/verify", null).status()).isEqualTo(200);
        Answer digest = call("GET", "/api/audit/digest", null);
        assertThat(digest.status()).as("%s", digest).isEqualTo(200);
        assertThat(call("POST", "/api/audit/digest/verify", digest.body()).status())
                .isEqualTo(200);
        assertThat(call("POST", "/api/audit/projections/{name}/replay", null, "payment-history")
                        .status())
                .isEqualTo(202);
        assertThat(call("GET", "/api/webhooks/stripe/dead-letters", null).status())
                .isEqualTo(200);
        assertProblem(
                call("POST", "/api/webhooks/stripe/dead-letters/{eventId}/retry", null, webhookEvent),
                409,
                "invalid_state_transition");
        assertThat(callAs(token, CALLER, "GET", "/actuator/metrics", null).status())
                .isEqualTo(200);
        assertThat(callAs(null, "anonymous", "GET", "/actuator/health", null).status())
                .isEqualTo(200);
    }

    /** A customer with a saved card at Stripe, a batch of two creates, and a Stripe Checkout Session. */
    private void keepsACustomerBatchesAndOpensACheckout() {
        assertThat(call("PUT", "/api/customers/{customerId}", Map.of("email", "leaks@example.test"), customer)
                        .status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/customers/{customerId}", null, customer).status())
                .isEqualTo(200);
        Answer saved = call(
                "POST",
                "/api/customers/{customerId}/payment-methods",
                Map.of("paymentMethod", "pm_card_visa", "default", true),
                customer);
        assertThat(saved.status()).as("%s", saved).isEqualTo(201);
        assertThat(call("GET", "/api/customers/{customerId}/payment-methods", null, customer)
                        .status())
                .isEqualTo(200);
        assertThat(call(
                                "DELETE",
                                "/api/customers/{customerId}/payment-methods/{paymentMethodId}",
                                null,
                                customer,
                                saved.json().get("id").asString())
                        .status())
                .isEqualTo(200);

        // A batch's answer is its creates' answers: it may carry their client secrets, and nothing else secret.
        Answer batch = send(
                token,
                CALLER,
                "POST",
                "/api/payments/batch",
                Map.of("payments", List.of(payment(1_400, null, false), payment(1_500, null, false))),
                LedgerApi.newIdempotencyKey());
        assertThat(batch.status()).as("%s", batch).isEqualTo(200);
        batch.json().get("data").forEach(item -> {
            assertThat(item.get("status").asInt()).isEqualTo(201);
            clientSecrets.add(item.get("payment").get("clientSecret").asString());
        });
        createAnswers.add(batch);

        Answer checkout = call(
                "POST",
                "/api/checkout/sessions",
                Map.of(
                        "amount",
                        1_600,
                        "currency",
                        "usd",
                        "customerId",
                        customer,
                        "successUrl",
                        "https://shop.example.test/paid"));
        assertThat(checkout.status()).as("%s", checkout).isEqualTo(201);
        assertThat(call(
                                "GET",
                                "/api/checkout/sessions/{id}",
                                null,
                                checkout.json().get("id").asString())
                        .status())
                .isEqualTo(200);
    }

    /** The live feed answers with an event stream; the test reads its first bytes and hangs up. */
    private void feed() throws Exception {
        String requestId = newRequestId(CALLER);
        HttpRequest subscribe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/payments/feed"))
                .header("Accept", MediaType.TEXT_EVENT_STREAM_VALUE)
                .header("Authorization", "Bearer " + token)
                .header("X-Request-Id", requestId)
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(subscribe, HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        response.body().close();
        assertThat(response.statusCode()).isEqualTo(200);
        called.add("GET /api/payments/feed");
    }

    // --- calls --------------------------------------------------------------------------------------------------

    private String createPending(long amount) {
        Answer created = create(payment(amount, null, false), LedgerApi.newIdempotencyKey());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Answer create(Map<String, Object> body, String idempotencyKey) {
        Answer created = send(token, CALLER, "POST", "/api/payments", body, idempotencyKey);
        if (created.status() == 201) {
            clientSecrets.add(created.json().get("clientSecret").asString());
            createAnswers.add(created);
        } else {
            answers.add(created);
        }
        return created;
    }

    private Map<String, Object> payment(long amount, String paymentMethod, boolean confirm) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("currency", "usd");
        body.put("customerId", customer);
        body.put("description", "Nothing leaks");
        body.put("metadata", Map.of("order", "leaks-1"));
        if (paymentMethod != null) {
            body.put("paymentMethod", paymentMethod);
        }
        body.put("confirm", confirm);
        return body;
    }

    /** A call as the scenario's caller, with every scope. */
    private Answer call(String method, String route, Object body, String... pathVariables) {
        return callAs(token, CALLER, method, route, body, pathVariables);
    }

    private Answer callAs(
            String bearer, String caller, String method, String route, Object body, String... pathVariables) {
        Answer answer = send(bearer, caller, method, route, body, LedgerApi.newIdempotencyKey(), pathVariables);
        answers.add(answer);
        return answer;
    }

    private Answer send(
            String bearer,
            String caller,
            String method,
            String route,
            Object body,
            String key,
            String... pathVariables) {
        String requestId = newRequestId(caller);
        RestTestClient.RequestBodySpec request = withoutToken()
                .method(HttpMethod.valueOf(method))
                .uri(route, (Object[]) pathVariables)
                .headers(headers -> {
                    headers.set("X-Request-Id", requestId);
                    if (bearer != null) {
                        headers.setBearerAuth(bearer);
                    }
                    if (method.equals("POST")) {
                        headers.set("Idempotency-Key", key);
                    }
                    if (body != null) {
                        headers.setContentType(MediaType.APPLICATION_JSON);
                    }
                });
        RestTestClient.RequestHeadersSpec<?> ready = body == null ? request : request.body(LedgerApi.json(body));
        EntityExchangeResult<String> result = ready.exchange().returnResult(String.class);
        called.add(method + " " + route.replaceFirst("\\?.*", ""));
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    private Answer webhook(String payload, String signature) {
        String requestId = newRequestId("anonymous");
        EntityExchangeResult<String> result = withoutToken()
                .post()
                .uri("/api/webhooks/stripe")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", signature)
                .header("X-Request-Id", requestId)
                .body(payload)
                .exchange()
                .returnResult(String.class);
        called.add("POST /api/webhooks/stripe");
        Answer answer = new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
        answers.add(answer);
        return answer;
    }

    /** The test client without the admin token it sends by default: each call here names its own token, or none. */
    private RestTestClient withoutToken() {
        return LedgerApi.anonymousClient(client);
    }

    private String newRequestId(String caller) {
        String requestId = "leaks-" + requests.incrementAndGet() + "-" + UUID.randomUUID();
        callers.put(requestId, caller);
        return requestId;
    }

    private static String sign(String payload, String secret) {
        try {
            return Webhook.Signature.generateSignatureHeader(
                    payload, secret, Instant.now().getEpochSecond());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- what is searched, and where ---------------------------------------------------------------------------

    /** Each secret by name; a token's signature stands for it, as a log that cut the token short would keep it. */
    private Map<String, String> secrets() {
        Map<String, String> secrets = secretsButClientSecrets();
        for (int i = 0; i < clientSecrets.size(); i++) {
            secrets.put("client secret " + (i + 1), clientSecrets.get(i));
        }
        return secrets;
    }

    private Map<String, String> secretsButClientSecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String bearer = tokens.get(i);
            secrets.put("bearer token " + (i + 1), bearer);
            secrets.put("bearer token " + (i + 1) + "'s signature", bearer.substring(bearer.lastIndexOf('.') + 1));
        }
        secrets.put("the JWT secret", JWT_SECRET);
        secrets.put("the Stripe key", STRIPE_KEY);
        secrets.put("the webhook secret", WEBHOOK_SECRET);
        for (int i = 0; i < CARD_NUMBERS.size(); i++) {
            secrets.put("card number " + (i + 1), CARD_NUMBERS.get(i));
        }
        return secrets;
    }

    private long eventsMentioning(String text) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry"
                        + " WHERE strpos(payload::text || coalesce(meta_data::text, ''), ?) > 0")
                .param(text)
                .query(Long.class)
                .single();
    }

    /**
     * The tables (of this ledger's schema) with a row whose text, any column, holds the secret; binary columns are
     * read as their bytes. A client secret may stay in two places made to keep it: the stored answer that a retry of
     * the create gets back ({@code idempotency_key}), and Stripe's signed webhook body, kept as it was sent
     * ({@code stripe_webhook_event.payload}).
     */
    private List<String> tablesMentioning(String secret, boolean clientSecret) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT c.table_name, c.column_name, c.data_type
                          FROM information_schema.columns c
                          JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                         ORDER BY c.table_name, c.ordinal_position
                        """)
                .query((rs, row) -> {
                    String column = '"' + rs.getString("column_name") + '"';
                    String text = rs.getString("data_type").equals("bytea")
                            ? "encode(" + column + ", 'escape')"
                            : column + "::text";
                    columns.computeIfAbsent(rs.getString("table_name"), table -> new ArrayList<>())
                            .add(rs.getString("table_name") + "." + rs.getString("column_name") + "=" + text);
                    return null;
                })
                .list();
        List<String> found = new ArrayList<>();
        columns.forEach((table, named) -> {
            for (String entry : named) {
                String column = entry.substring(0, entry.indexOf('='));
                String text = entry.substring(entry.indexOf('=') + 1);
                if (clientSecret
                        && (table.equals("idempotency_key") || column.equals("stripe_webhook_event.payload"))) {
                    continue;
                }
                long rows = jdbc.sql("SELECT count(*) FROM \"" + table + "\" WHERE strpos(coalesce(" + text
                                + ", ''), ?) > 0")
                        .param(secret)
                        .query(Long.class)
                        .single();
                if (rows > 0) {
                    found.add(column + " (" + rows + " rows)");
                }
            }
        });
        return found;
    }

    /**
     * The lines written while serving one of the scenario's requests name it and the caller it was made as, in the
     * slot the text format keeps for them ({@code [<request id> <caller>]}): the token's subject, or anonymous for
     * Stripe's webhooks and refused tokens. At least the retried Stripe call wrote one.
     */
    private void everyLineOfTheScenarioNamesItsRequestAndCaller(String log) {
        Pattern context = Pattern.compile("\\[(leaks-\\d+-[0-9a-f-]+) ([^\\]]*)\\] ");
        List<String> lines =
                log.lines().filter(line -> context.matcher(line).find()).toList();
        assertThat(lines).as("lines written while serving the scenario").isNotEmpty();
        assertThat(lines).as("a line of the retried Stripe call").anyMatch(line -> line.contains("retrying"));
        for (String line : lines) {
            Matcher named = context.matcher(line);
            assertThat(named.find()).isTrue();
            assertThat(named.group(2))
                    .as("the caller of %s in %s", named.group(1), line)
                    .isEqualTo(callers.get(named.group(1)));
        }
    }

    private Set<String> mappedRoutes() {
        return handlers.getHandlerMethods().keySet().stream()
                .flatMap(mapping -> mapping.getPatternValues().stream()
                        .filter(path -> path.startsWith("/api/"))
                        .flatMap(path -> mapping.getMethodsCondition().getMethods().stream()
                                .map(method -> method + " " + path)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void awaitProjections() {
        long head = jdbc.sql("SELECT coalesce(max(global_index), -1) FROM domain_event_entry")
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    for (String name : processing.eventProcessors().keySet()) {
                        processing
                                .eventProcessor(name, StreamingEventProcessor.class)
                                .ifPresent(processor -> assertThat(
                                                processor.processingStatus().values())
                                        .isNotEmpty()
                                        .allMatch(status ->
                                                status.getCurrentPosition().orElse(-1) >= head));
                    }
                });
    }
}
