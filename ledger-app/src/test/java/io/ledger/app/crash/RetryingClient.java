package io.ledger.app.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client that keeps asking until the ledger answers, as a careful shop's backend does: a POST is sent again with the
 * same Idempotency-Key and body after a connection refused or reset (the node is down or was killed mid-request), a
 * time-out, a 503, or a 409 {@code idempotency_key_in_use} or {@code concurrent_update} (both say: nothing was
 * recorded, send again; the second comes when two nodes race for one payment, docs/api.md). Any other answer is the
 * answer.
 *
 * <p>Given several nodes, it spreads its calls as a load balancer does: each call starts at a random node and every
 * send again goes to the next one, so a dead node's calls move to the living.
 */
final class RetryingClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Long enough for a restart of the ledger on this machine; a request not answered by then is a finding. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);

    /** The first pause before sending again, doubled after each send up to {@link #LONGEST_PAUSE}. */
    private static final Duration PAUSE = Duration.ofMillis(50);

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<URI> nodes;
    private final String authorization;
    private final AtomicLong retries = new AtomicLong();

    RetryingClient(URI base, String token) {
        this(List.of(base), token);
    }

    RetryingClient(List<URI> nodes, String token) {
        this.nodes = List.copyOf(nodes);
        this.authorization = "Bearer " + token;
    }

    record Answer(int status, JsonNode body, int attempts) {}

    /** POSTs {@code body} with the key until answered. */
    Answer post(String path, String idempotencyKey, Object body) throws InterruptedException {
        return post(randomNode(), path, idempotencyKey, body);
    }

    /** POSTs {@code body} with the key until answered, first to node {@code first} (an index into the nodes). */
    Answer post(int first, String path, String idempotencyKey, Object body) throws InterruptedException {
        String json = JSON.writeValueAsString(body);
        return send(
                first,
                node -> HttpRequest.newBuilder(node.resolve(path))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", idempotencyKey)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build());
    }

    /** GETs until answered. */
    Answer get(String path) throws InterruptedException {
        return send(
                randomNode(),
                node -> HttpRequest.newBuilder(node.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .GET()
                        .build());
    }

    /** How many requests were sent again, over all calls. */
    long retries() {
        return retries.get();
    }

    private int randomNode() {
        return ThreadLocalRandom.current().nextInt(nodes.size());
    }

    private Answer send(int first, Function<URI, HttpRequest> requestTo) throws InterruptedException {
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        String last = "nothing";
        HttpRequest request = null;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                retries.incrementAndGet();
                Thread.sleep(Math.min(LONGEST_PAUSE.toMillis(), PAUSE.toMillis() << Math.min(attempt - 2, 10)));
            }
            request = requestTo.apply(nodes.get((first + attempt - 1) % nodes.size()));
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode body = answer.body().isEmpty() ? null : JSON.readTree(answer.body());
                if (!worthRetrying(answer.statusCode(), body)) {
                    return new Answer(answer.statusCode(), body, attempt);
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException unanswered) {
                last = unanswered.toString();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " unanswered after " + attempt
                        + " attempts; last: " + last);
            }
        }
    }

    private static boolean worthRetrying(int status, JsonNode body) {
        return status == 503
                || (status == 409
                        && body != null
                        && body.has("code")
                        && List.of("idempotency_key_in_use", "concurrent_update")
                                .contains(body.get("code").asString()));
    }
}
