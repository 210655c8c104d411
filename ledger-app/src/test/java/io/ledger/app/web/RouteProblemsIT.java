package io.ledger.app.web;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.problem.ProblemCode;
import io.ledger.app.security.TestTokens;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerIntegrationTest;
import io.ledger.app.support.RawHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Every 4xx of the surface is the same RFC 9457 problem with a code of the one table and the request's X-Request-Id,
 * whichever module's route it hits and whoever refuses it: a controller, Spring MVC, the servlet container, the
 * security firewall or the idempotency filter. Requests no endpoint takes included.
 */
@LedgerIntegrationTest
class RouteProblemsIT {

    private static final String JSON = "application/json";

    @Autowired
    RestTestClient client;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPathNothingAnswersIsANotFoundProblem() {
        LedgerApi.Answer answer = new LedgerApi(client).get("/api/nothing-here");

        assertProblem(answer, 404, "not_found");
        assertThat(answer.json().get("detail").asString()).contains("/api/nothing-here");
        assertThat(answer.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aMethodThePathDoesNotTakeIsAMethodNotAllowedProblemNamingTheMethodsItTakes() {
        LedgerApi.Answer answer = new LedgerApi(client).delete("/api/payments");

        assertProblem(answer, 405, "method_not_allowed");
        assertThat(answer.header(HttpHeaders.ALLOW)).contains("GET").contains("POST");
    }

    /** A request that must be refused: how it is sent, and the problem it must answer (field: one it must name). */
    record Bad(
            String name,
            String method,
            String target,
            String contentType,
            String body,
            List<String> headers,
            int status,
            String code,
            String field,
            boolean raw) {

        Bad sending(String type, String content) {
            return new Bad(name, method, target, type, content, headers, status, code, field, raw);
        }

        Bad with(String header, String value) {
            List<String> more =
                    Stream.concat(headers.stream(), Stream.of(header, value)).toList();
            return new Bad(name, method, target, contentType, body, more, status, code, field, raw);
        }

        Bad naming(String named) {
            return new Bad(name, method, target, contentType, body, headers, status, code, named, raw);
        }

        /** Written byte for byte: the target is not a URI any client would send. */
        Bad byteForByte() {
            return new Bad(name, method, target, contentType, body, headers, status, code, field, true);
        }

        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
    }

    static Stream<Named<Bad>> badRequests() {
        String createBody = "{\"amount\": 1999, \"currency\": \"usd\", \"customerId\": \"cus_walk\"";
        String paymentsCursor = base64("1|CREATED_AT|desc|2026-11-22T09:12:24Z|pay_a");
        return Stream.of(
                        // Paths and methods nothing answers, in every module's space.
                        bad("unknown path", "GET", "/api/nothing-here", 404, "not_found"),
                        bad("unknown path beside the journal", "GET", "/api/ledger/nothing", 404, "not_found"),
                        bad("unknown path beside the webhooks", "POST", "/api/webhooks/nothing", 404, "not_found"),
                        bad("the error page called directly", "GET", "/error", 404, "not_found"),
                        bad("wrong method on the payments", "DELETE", "/api/payments", 405, "method_not_allowed"),
                        bad(
                                "wrong method on a payment move",
                                "GET",
                                "/api/payments/pay_a/confirm",
                                405,
                                "method_not_allowed"),
                        bad(
                                "wrong method on the projections",
                                "PUT",
                                "/api/audit/projections",
                                405,
                                "method_not_allowed"),
                        bad(
                                "wrong method on Stripe's webhook",
                                "GET",
                                "/api/webhooks/stripe",
                                405,
                                "method_not_allowed"),
                        // Bodies: wrong media type, bad JSON, unknown fields, over-long values and bodies.
                        bad("payment create that is not JSON", "POST", "/api/payments", 415, "validation_failed")
                                .sending("text/plain", "amount=1999"),
                        bad("payment create that is not valid JSON", "POST", "/api/payments", 400, "validation_failed")
                                .sending(JSON, createBody),
                        bad(
                                        "payment create with an over-long description",
                                        "POST",
                                        "/api/payments",
                                        400,
                                        "validation_failed")
                                .sending(JSON, createBody + ", \"description\": \"" + "x".repeat(1001) + "\"}")
                                .naming("description"),
                        bad(
                                        "refund with an unknown field",
                                        "POST",
                                        "/api/payments/pay_a/refunds",
                                        400,
                                        "validation_failed")
                                .sending(JSON, "{\"note\": \"x\"}")
                                .naming("note"),
                        bad(
                                        "digest check that is not JSON",
                                        "POST",
                                        "/api/audit/digest/verify",
                                        415,
                                        "validation_failed")
                                .sending("text/plain", "digest"),
                        bad(
                                        "digest check that is not valid JSON",
                                        "POST",
                                        "/api/audit/digest/verify",
                                        400,
                                        "validation_failed")
                                .sending(JSON, "{\"globalIndex\": "),
                        bad(
                                        "digest check with an unknown field",
                                        "POST",
                                        "/api/audit/digest/verify",
                                        400,
                                        "validation_failed")
                                .sending(JSON, "{\"globalIndex\": 1, \"colour\": \"red\"}")
                                .naming("colour"),
                        bad(
                                        "webhook body over the size limit",
                                        "POST",
                                        "/api/webhooks/stripe",
                                        413,
                                        "payload_too_large")
                                .sending(JSON, "{\"pad\": \"" + "x".repeat(512 * 1024) + "\"}"),
                        bad("webhook without a signature", "POST", "/api/webhooks/stripe", 400, "invalid_signature")
                                .sending(JSON, "{\"id\": \"evt_walk\"}"),
                        // Cursors and query strings.
                        bad(
                                        "garbage payment list cursor",
                                        "GET",
                                        "/api/payments?cursor=garbage",
                                        400,
                                        "validation_failed")
                                .naming("cursor"),
                        bad(
                                        "payment list cursor of another sort",
                                        "GET",
                                        "/api/payments?sort=amount&cursor=" + paymentsCursor,
                                        400,
                                        "validation_failed")
                                .naming("cursor"),
                        bad(
                                        "query string that is no percent-encoding",
                                        "GET",
                                        "/api/payments?cursor=%%%garbage",
                                        400,
                                        "validation_failed")
                                .byteForByte(),
                        bad(
                                        "garbage journal cursor",
                                        "GET",
                                        "/api/ledger/accounts/refunds/entries?cursor=garbage",
                                        400,
                                        "validation_failed")
                                .naming("cursor"),
                        bad(
                                        "unreconciled cursor of another list",
                                        "GET",
                                        "/api/payments/unreconciled?cursor=" + paymentsCursor,
                                        400,
                                        "validation_failed")
                                .naming("cursor"),
                        bad(
                                        "garbage dead-letter cursor",
                                        "GET",
                                        "/api/webhooks/stripe/dead-letters?cursor=garbage",
                                        400,
                                        "validation_failed")
                                .naming("cursor"),
                        bad(
                                        "export asked as CSV with a bad format",
                                        "GET",
                                        "/api/payments/export?format=pdf",
                                        400,
                                        "validation_failed")
                                .with("Accept", "text/csv")
                                .naming("format"),
                        bad(
                                        "event log asked as NDJSON with a bad limit",
                                        "GET",
                                        "/api/audit/events?limit=0",
                                        400,
                                        "validation_failed")
                                .with("Accept", "application/x-ndjson")
                                .naming("limit"),
                        bad("JSON list asked for as CSV", "GET", "/api/payments", 406, "validation_failed")
                                .with("Accept", "text/csv"),
                        // Rules of each module.
                        bad("unknown payment", "GET", "/api/payments/pay_nope", 404, "payment_not_found"),
                        bad("unknown account", "GET", "/api/ledger/accounts/nope/entries", 404, "account_not_found"),
                        bad(
                                "unknown projection",
                                "POST",
                                "/api/audit/projections/nope/replay",
                                404,
                                "projection_not_found"),
                        bad(
                                "unknown dead letter",
                                "POST",
                                "/api/webhooks/stripe/dead-letters/evt_nope/retry",
                                404,
                                "webhook_event_not_found"),
                        // Filters: the idempotency key, the firewall.
                        bad(
                                        "over-long Idempotency-Key on a query-side POST",
                                        "POST",
                                        "/api/audit/projections/nope/replay",
                                        400,
                                        "validation_failed")
                                .with("Idempotency-Key", "k".repeat(256))
                                .naming("Idempotency-Key"),
                        bad("URL the firewall refuses", "GET", "/api/payments/pay_a%3Bb", 400, "validation_failed"),
                        bad(
                                        "header value the firewall refuses, read by the API description's controller",
                                        "GET",
                                        "/v3/api-docs/swagger-config",
                                        400,
                                        "validation_failed")
                                .with("X-Odd", "k\u0080")
                                .byteForByte(),
                        // Found by HttpFuzzIT: media types no call takes, framing Tomcat does not speak.
                        bad("payment create as a multipart upload", "POST", "/api/payments", 415, "validation_failed")
                                .sending("multipart/form-data", "amount=1999"),
                        bad(
                                        "digest check with a wildcard Content-Type",
                                        "POST",
                                        "/api/audit/digest/verify",
                                        415,
                                        "validation_failed")
                                .sending("*/*", "{\"globalIndex\": 1}"),
                        bad("transfer coding Tomcat does not speak", "GET", "/api/payments", 400, "validation_failed")
                                .with("Transfer-Encoding", "identity")
                                .byteForByte(),
                        // Tomcat's own refusals, before any filter runs.
                        bad("path that is no percent-encoding", "GET", "/api/payments/%ZZ", 400, "validation_failed")
                                .byteForByte(),
                        bad("TRACE, which Tomcat refuses", "TRACE", "/api/payments", 405, "method_not_allowed")
                                .byteForByte(),
                        bad("headers over Tomcat's limit", "GET", "/api/payments", 400, "validation_failed")
                                .with("X-Padding", "x".repeat(16 * 1024))
                                .byteForByte())
                .map(bad -> Named.of(bad.name(), bad));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void everyRefusalIsAProblemOfTheTableWithTheRequestId(Bad request) throws Exception {
        String requestId = "walk-" + UUID.randomUUID();

        LedgerApi.Answer answer = send(request, requestId);

        assertProblem(answer, request.status(), request.code());
        ProblemCode code = ProblemCode.of(request.code()).orElseThrow();
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asString()).isEqualTo("/problems/" + request.code());
        assertThat(problem.get("title").asString()).isEqualTo(code.title());
        assertThat(problem.get("instance").asString()).isEqualTo(request.path());
        assertThat(answer.header("X-Request-Id"))
                .as("X-Request-Id of %s", answer)
                .isEqualTo(requestId);
        if (code == ProblemCode.VALIDATION_FAILED) {
            assertThat(problem.get("errors").isArray())
                    .as("errors of %s", answer)
                    .isTrue();
        } else {
            assertThat(problem.has("errors")).as("errors of %s", answer).isFalse();
        }
        if (request.field() != null) {
            assertThat(problem.get("errors")
                            .valueStream()
                            .map(error -> error.get("field").asString()))
                    .as("fields named by %s", answer)
                    .contains(request.field());
        }
        if (code == ProblemCode.METHOD_NOT_ALLOWED) {
            assertThat(answer.header(HttpHeaders.ALLOW)).isNotBlank();
        }
    }

    private LedgerApi.Answer send(Bad request, String requestId) throws IOException, InterruptedException {
        List<String> headers = Stream.concat(Stream.of("X-Request-Id", requestId), request.headers().stream())
                .toList();
        if (request.raw()) {
            return RawHttp.send(port, request.method(), request.target(), headers.toArray(String[]::new));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.target()))
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (headers.stream().noneMatch("Authorization"::equalsIgnoreCase)) {
            builder.header("Authorization", TestTokens.adminAuthorization());
        }
        for (int i = 0; i < headers.size(); i += 2) {
            builder.header(headers.get(i), headers.get(i + 1));
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        HttpHeaders answerHeaders = new HttpHeaders();
        response.headers().map().forEach(answerHeaders::addAll);
        return new LedgerApi.Answer(response.statusCode(), answerHeaders, response.body());
    }

    private static Bad bad(String name, String method, String target, int status, String code) {
        return new Bad(name, method, target, null, null, List.of(), status, code, null, false);
    }

    private static String base64(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
