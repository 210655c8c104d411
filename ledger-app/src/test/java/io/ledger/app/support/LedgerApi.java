package io.ledger.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's HTTP API as a client sees it: raw JSON in, status, headers and JSON out. */
public final class LedgerApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient client;

    /** Calls with the client's own headers: the tests' admin token ({@link LedgerTestHooks}). */
    public LedgerApi(RestTestClient client) {
        this.client = client;
    }

    /** Calls with the token instead of the admin's. */
    public static LedgerApi as(RestTestClient client, String token) {
        return new LedgerApi(client.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build());
    }

    /** Calls without a token. */
    public static LedgerApi anonymous(RestTestClient client) {
        return new LedgerApi(anonymousClient(client));
    }

    /** The client without its default token. */
    public static RestTestClient anonymousClient(RestTestClient client) {
        return client.mutate()
                .defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION))
                .build();
    }

    /** A request id of our own, to find in the events' metadata. */
    public static String newRequestId() {
        return "it-" + UUID.randomUUID();
    }

    public static String newIdempotencyKey() {
        return "key-" + UUID.randomUUID();
    }

    /** The body as JSON text: a String is sent as it is (to send malformed JSON), anything else serialized. */
    public static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }

    /** POSTs {@code body} (null: no body) as JSON with the given header name/value pairs. */
    public Answer post(String path, Object body, String... headers) {
        return postAs(path, MediaType.APPLICATION_JSON, body, headers);
    }

    /** POSTs {@code body} (null: no body) as {@code contentType} with the given header name/value pairs. */
    public Answer postAs(String path, MediaType contentType, Object body, String... headers) {
        RestTestClient.RequestBodySpec request = client.post()
                .uri(path)
                .contentType(contentType)
                .headers(h -> {
                    for (int i = 0; i < headers.length; i += 2) {
                        h.add(headers[i], headers[i + 1]);
                    }
                });
        RestTestClient.RequestHeadersSpec<?> ready = body == null ? request : request.body(json(body));
        EntityExchangeResult<String> result = ready.exchange().returnResult(String.class);
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    /**
     * GETs {@code path} with query parameters given as name/value pairs (a name may repeat). Each value is sent exactly
     * as given: it is strictly percent-encoded, so commas, plus signs and the like arrive unchanged.
     */
    public Answer get(String path, String... parameters) {
        StringBuilder template = new StringBuilder(path);
        Object[] values = new Object[parameters.length / 2];
        for (int i = 0; i < parameters.length; i += 2) {
            template.append(i == 0 ? '?' : '&')
                    .append(parameters[i])
                    .append("={v")
                    .append(i / 2)
                    .append('}');
            values[i / 2] = parameters[i + 1];
        }
        EntityExchangeResult<String> result =
                client.get().uri(template.toString(), values).exchange().returnResult(String.class);
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    /** PUTs {@code body} (null: no body) as JSON with the given header name/value pairs. */
    public Answer put(String path, Object body, String... headers) {
        RestTestClient.RequestBodySpec request = client.put()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    for (int i = 0; i < headers.length; i += 2) {
                        h.add(headers[i], headers[i + 1]);
                    }
                });
        RestTestClient.RequestHeadersSpec<?> ready = body == null ? request : request.body(json(body));
        EntityExchangeResult<String> result = ready.exchange().returnResult(String.class);
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    /** DELETEs {@code path} with the given header name/value pairs. */
    public Answer delete(String path, String... headers) {
        EntityExchangeResult<String> result = client.delete()
                .uri(path)
                .headers(h -> {
                    for (int i = 0; i < headers.length; i += 2) {
                        h.add(headers[i], headers[i + 1]);
                    }
                })
                .exchange()
                .returnResult(String.class);
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    /** PATCHes {@code body} (null: no body) as JSON with the given header name/value pairs. */
    public Answer patch(String path, Object body, String... headers) {
        RestTestClient.RequestBodySpec request = client.patch()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    for (int i = 0; i < headers.length; i += 2) {
                        h.add(headers[i], headers[i + 1]);
                    }
                });
        RestTestClient.RequestHeadersSpec<?> ready = body == null ? request : request.body(json(body));
        EntityExchangeResult<String> result = ready.exchange().returnResult(String.class);
        return new Answer(result.getStatus().value(), result.getResponseHeaders(), result.getResponseBody());
    }

    /** An RFC 9457 problem with the contract's code. */
    public static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.contentType()).isNotNull();
        assertThat(answer.contentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", answer.contentType())
                .isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    /** One HTTP answer. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }

        public MediaType contentType() {
            return headers.getContentType();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
