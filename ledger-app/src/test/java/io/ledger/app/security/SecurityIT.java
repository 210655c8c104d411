package io.ledger.app.security;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The API with {@code LEDGER_JWT_SECRET} set and a per-caller rate limit: its own application context, closed after
 * the class. Every test calls as callers of its own, so that no test spends another's requests per second.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.jwt.secret=" + SecurityIT.SECRET,
            "ledger.rate-limit.per-second=" + SecurityIT.PER_SECOND,
            "ledger.cors.allowed-origins=" + SecurityIT.SHOP
        })
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class SecurityIT {

    static final String SECRET = "a-test-secret-for-HS256-that-is-long-enough";
    static final int PER_SECOND = 10;
    static final String SHOP = "https://shop.example";

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void aCallWithoutATokenIsRefusedAndLeavesNothingBehind() {
        LedgerApi anonymous = LedgerApi.anonymous(client);
        String key = LedgerApi.newIdempotencyKey();
        String customer = "cus_anonymous_" + UUID.randomUUID();

        Answer create = anonymous.post("/api/payments", payment(customer, 1_000), "Idempotency-Key", key);

        assertProblem(create, 401, "unauthorized");
        assertThat(create.header(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(create.header("X-Request-Id")).isNotBlank();
        assertThat(idempotencyRows(key)).isZero();
        assertThat(eventsOf(customer)).isZero();
        assertProblem(anonymous.get("/api/payments"), 401, "unauthorized");
        assertProblem(anonymous.get("/api/ledger/trial-balance"), 401, "unauthorized");
        assertProblem(anonymous.get("/api/audit/projections"), 401, "unauthorized");
    }

    @Test
    void aTokenSignedWithAnotherKeyExpiredOrWithoutSubjectIsRefused() {
        Instant now = Instant.now();
        String otherKey = TokenCommand.mint(
                "another-secret-that-is-also-32-bytes-long", "intruder", null, Duration.ofHours(1), now);
        String expired = TokenCommand.mint(SECRET, "late", null, Duration.ofHours(1), now.minus(Duration.ofHours(2)));
        String noSubject = NimbusJwtEncoder.withSecretKey(BearerTokens.key(SECRET))
                .build()
                .encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(),
                        JwtClaimsSet.builder()
                                .issuedAt(now)
                                .expiresAt(now.plusSeconds(3600))
                                .build()))
                .getTokenValue();

        for (String token : List.of(otherKey, expired, noSubject, "not.a.token")) {
            Answer answer = as(token).get("/api/payments");
            assertProblem(answer, 401, "unauthorized");
            assertThat(answer.header(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        }
    }

    @Test
    void aCallerWithATokenIsTheActorOfTheEventsItCauses() {
        String caller = "merchant-" + UUID.randomUUID();
        LedgerApi api = as(token(caller, EVERY_SCOPE));

        Answer created = api.post("/api/payments", payment("cus_actor_" + UUID.randomUUID(), 2_500));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode events =
                api.get("/api/audit/payments/" + id + "/events").json().get("data");
        assertThat(events).isNotEmpty();
        events.forEach(event ->
                assertThat(event.get("metadata").get("actor").asString()).isEqualTo(caller));
    }

    @Test
    void idempotencyKeysBelongToTheirCaller() {
        String key = LedgerApi.newIdempotencyKey();
        LedgerApi first = as(token("merchant-" + UUID.randomUUID(), EVERY_SCOPE));
        LedgerApi second = as(token("merchant-" + UUID.randomUUID(), EVERY_SCOPE));

        Answer firstCreate = first.post("/api/payments", payment("cus_first", 1_000), "Idempotency-Key", key);
        Answer secondCreate = second.post("/api/payments", payment("cus_second", 2_000), "Idempotency-Key", key);
        Answer replay = first.post("/api/payments", payment("cus_first", 1_000), "Idempotency-Key", key);
        Answer reuse = first.post("/api/payments", payment("cus_first", 3_000), "Idempotency-Key", key);

        assertThat(firstCreate.status()).as("%s", firstCreate).isEqualTo(201);
        assertThat(secondCreate.status())
                .as("the same key of another caller is another request: %s", secondCreate)
                .isEqualTo(201);
        assertThat(secondCreate.json().get("id").asString())
                .isNotEqualTo(firstCreate.json().get("id").asString());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asString())
                .isEqualTo(firstCreate.json().get("id").asString());
        assertProblem(reuse, 400, "idempotency_key_reuse");
        assertThat(idempotencyRows(key)).isEqualTo(2);
    }

    @Test
    void aTokenWithoutAScopeMayDoNothing() {
        String customer = "cus_unscoped_" + UUID.randomUUID();
        String key = LedgerApi.newIdempotencyKey();
        LedgerApi unscoped = as(token("nobody-" + UUID.randomUUID(), null));

        assertProblem(
                unscoped.post("/api/payments", payment(customer, 1_000), "Idempotency-Key", key), 403, "forbidden");
        assertProblem(unscoped.get("/api/payments"), 403, "forbidden");
        assertProblem(unscoped.get("/api/ledger/trial-balance"), 403, "forbidden");
        assertProblem(unscoped.get("/api/audit/projections"), 403, "forbidden");
        assertThat(idempotencyRows(key)).isZero();
        assertThat(eventsOf(customer)).isZero();
    }

    @Test
    void aRestrictedTokenMayDoOnlyWhatItsScopesAllow() {
        String customer = "cus_restricted_" + UUID.randomUUID();
        String key = LedgerApi.newIdempotencyKey();
        LedgerApi reader = as(token("analyst-" + UUID.randomUUID(), "payments:read"));

        Answer create = reader.post("/api/payments", payment(customer, 1_000), "Idempotency-Key", key);
        assertProblem(create, 403, "forbidden");
        assertThat(create.json().get("detail").asString()).contains("payments:write");
        assertThat(create.header(HttpHeaders.WWW_AUTHENTICATE)).contains("insufficient_scope");
        assertThat(idempotencyRows(key)).isZero();
        assertThat(eventsOf(customer)).isZero();
        assertThat(reader.get("/api/payments").status()).isEqualTo(200);
        assertProblem(reader.get("/api/ledger/accounts"), 403, "forbidden");
        assertProblem(reader.get("/api/audit/projections"), 403, "forbidden");

        LedgerApi writer = as(token("shop-" + UUID.randomUUID(), "payments:write payments:read"));
        assertThat(writer.post("/api/payments", payment(customer, 1_000)).status())
                .isEqualTo(201);
        assertProblem(reader.delete("/api/payments/pay_any"), 403, "forbidden");
        Answer export = reader.get("/api/payments/export", "format", "csv");
        assertThat(export.status()).as("%s", export).isEqualTo(200);
        assertThat(export.body()).startsWith("id,");
        assertProblem(reader.get("/actuator/metrics"), 403, "forbidden");
        assertThat(as(token("ops-" + UUID.randomUUID(), "operations"))
                        .get("/actuator/metrics")
                        .status())
                .isEqualTo(200);

        LedgerApi auditor = as(token("auditor-" + UUID.randomUUID(), "audit:read analytics:read"));
        assertThat(auditor.get("/api/audit/projections").status()).isEqualTo(200);
        assertThat(auditor.get("/api/ledger/trial-balance").status()).isEqualTo(200);
        assertProblem(auditor.get("/api/payments"), 403, "forbidden");
    }

    @Test
    void aPageOfAListedOriginMayCallTheApiAndAPageOfAnotherIsRefused() {
        String caller = token("browser-" + UUID.randomUUID(), "payments:read");

        EntityExchangeResult<String> listed = preflight(SHOP);
        assertThat(listed.getStatus().value()).isEqualTo(200);
        HttpHeaders allowed = listed.getResponseHeaders();
        assertThat(allowed.getAccessControlAllowOrigin()).isEqualTo(SHOP);
        assertThat(allowed.getAccessControlAllowMethods())
                .extracting(Object::toString)
                .containsExactly("GET", "POST", "PATCH", "DELETE");
        assertThat(allowed.getAccessControlAllowHeaders())
                .map(String::toLowerCase)
                .contains("authorization", "content-type", "idempotency-key");

        EntityExchangeResult<String> unlisted = preflight("https://elsewhere.example");
        assertThat(unlisted.getStatus().value()).isEqualTo(403);
        assertThat(unlisted.getResponseHeaders().getAccessControlAllowOrigin()).isNull();
        assertThat(unlisted.getResponseHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(unlisted.getResponseBody()).contains("\"code\":\"forbidden\"");

        EntityExchangeResult<String> read = client.get()
                .uri("/api/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + caller)
                .header(HttpHeaders.ORIGIN, SHOP)
                .exchange()
                .returnResult(String.class);
        assertThat(read.getStatus().value()).isEqualTo(200);
        assertThat(read.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo(SHOP);
        assertThat(read.getResponseHeaders().getAccessControlExposeHeaders())
                .contains("X-Request-Id", "Idempotent-Replayed", "Retry-After");
        Answer foreign = LedgerApi.as(
                        client.mutate()
                                .defaultHeader(HttpHeaders.ORIGIN, "https://elsewhere.example")
                                .build(),
                        caller)
                .get("/api/payments");
        assertProblem(foreign, 403, "forbidden");
    }

    @Test
    void springSecuritysHeadersAreOnAnswersAndRefusals() {
        Answer served =
                as(token("reader-" + UUID.randomUUID(), "payments:read")).get("/api/payments");
        Answer refused = LedgerApi.anonymous(client).get("/api/payments");

        for (Answer answer : List.of(served, refused)) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        }
        assertThat(served.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
    }

    private EntityExchangeResult<String> preflight(String origin) {
        return client.options()
                .uri("/api/payments")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,idempotency-key")
                .exchange()
                .returnResult(String.class);
    }

    @Test
    void healthTheApiDescriptionAndStripesWebhooksNeedNoToken() {
        LedgerApi anonymous = LedgerApi.anonymous(client);

        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        Answer description = anonymous.get("/v3/api-docs");
        assertThat(description.status()).isEqualTo(200);
        assertThat(description
                        .json()
                        .at("/components/securitySchemes/bearer/scheme")
                        .asString())
                .isEqualTo("bearer");
        // Stripe's signature decides, not a token: a forged event is refused for its signature.
        assertProblem(
                anonymous.post("/api/webhooks/stripe", "{\"id\":\"evt_1\"}", "Stripe-Signature", "t=1,v1=00"),
                400,
                "invalid_signature");
        // A token a public call happens to carry is not judged, even an expired one.
        LedgerApi stale = as(TokenCommand.mint(
                SECRET, "late", null, Duration.ofMinutes(1), Instant.now().minus(Duration.ofHours(1))));
        assertThat(stale.get("/actuator/health").status()).isEqualTo(200);
        assertThat(stale.get("/v3/api-docs").status()).isEqualTo(200);
        assertProblem(
                stale.post("/api/webhooks/stripe", "{\"id\":\"evt_1\"}", "Stripe-Signature", "t=1,v1=00"),
                400,
                "invalid_signature");
        assertProblem(stale.get("/api/payments"), 401, "unauthorized");
        // Its operator endpoints are not Stripe's.
        assertProblem(anonymous.get("/api/webhooks/stripe/dead-letters"), 401, "unauthorized");
        assertProblem(
                as(token("shop-" + UUID.randomUUID(), "payments:write")).get("/api/webhooks/stripe/dead-letters"),
                403,
                "forbidden");
        assertThat(as(token("operator-" + UUID.randomUUID(), "webhooks:admin"))
                        .get("/api/webhooks/stripe/dead-letters")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aCallerOverItsRateIsRefusedAndStoresNothingWhileOtherCallersGoOn() {
        // Each burst is sent at once, so it lands within one or two one-second periods however slow the machine:
        // at most 2 * PER_SECOND of 3 * PER_SECOND calls can pass.
        String busy = token("busy-" + UUID.randomUUID(), EVERY_SCOPE);
        List<HttpResponse<String>> reads = burst(3 * PER_SECOND, i -> get("/api/payments/pay_missing", busy));
        List<HttpResponse<String>> limited =
                reads.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(limited).hasSizeGreaterThanOrEqualTo(PER_SECOND);
        assertThat(reads).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(404, 429));
        HttpResponse<String> refused = limited.get(0);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(LedgerApi.JSON.readTree(refused.body()).get("code").asString())
                .isEqualTo("rate_limited");
        assertThat(refused.headers().firstValue(HttpHeaders.RETRY_AFTER)).hasValue("1");

        String creator = token("creator-" + UUID.randomUUID(), EVERY_SCOPE);
        List<String> keys = IntStream.range(0, 3 * PER_SECOND)
                .mapToObj(i -> LedgerApi.newIdempotencyKey())
                .toList();
        List<HttpResponse<String>> creates = burst(keys.size(), i -> create(keys.get(i), creator));
        for (int i = 0; i < keys.size(); i++) {
            int status = creates.get(i).statusCode();
            assertThat(status).isIn(201, 429);
            assertThat(idempotencyRows(keys.get(i)))
                    .as("idempotency rows of a create answered %s", status)
                    .isEqualTo(status == 201 ? 1 : 0);
        }
        assertThat(creates).anySatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(429));

        // However the path is spelled, a call the application routes counts against the caller.
        String sneaky = token("sneaky-" + UUID.randomUUID(), EVERY_SCOPE);
        List<HttpResponse<String>> encoded = burst(3 * PER_SECOND, i -> get("/%61pi/payments/pay_missing", sneaky));
        assertThat(encoded).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(404, 429));
        assertThat(encoded).anySatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(429));

        assertThat(as(token("calm-" + UUID.randomUUID(), EVERY_SCOPE))
                        .get("/api/payments/pay_missing")
                        .status())
                .isEqualTo(404);
    }

    /** Sends all the requests at once and waits for every answer. */
    private static List<HttpResponse<String>> burst(int count, IntFunction<HttpRequest> request) {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, count)
                .mapToObj(i -> http.sendAsync(request.apply(i), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return sent.stream().map(CompletableFuture::join).toList();
    }

    /** A GET sent as written, percent signs included: client libraries would encode them again. */
    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    private HttpRequest create(String idempotencyKey, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/payments"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey)
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        LedgerApi.json(payment("cus_burst_" + UUID.randomUUID(), 1_000))))
                .build();
    }

    private LedgerApi as(String token) {
        return LedgerApi.as(client, token);
    }

    /** Every scope of the contract, as an admin's token holds them. */
    private static final String EVERY_SCOPE = TokenCommand.EVERY_SCOPE;

    private static String token(String subject, String scope) {
        return TokenCommand.mint(SECRET, subject, scope, Duration.ofMinutes(10), Instant.now());
    }

    private static Map<String, Object> payment(String customer, long amount) {
        return Map.of("amount", amount, "currency", "usd", "customerId", customer);
    }

    private long idempotencyRows(String key) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    private long eventsOf(String customer) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload ->> 'customerId' = ?")
                .param(customer)
                .query(Long.class)
                .single();
    }
}
