package io.ledger.app.support;

import io.ledger.app.security.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * The ledger's HTTP API from many threads at once, each answer with how long it took: for fault tests that load the
 * ledger while they probe it. Java's own client, one connection per concurrent request.
 */
public final class TimedHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public TimedHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** One answer and the time from sending the request to its whole body. */
    public record Timed(LedgerApi.Answer answer, Duration took) {
        public int status() {
            return answer.status();
        }

        @Override
        public String toString() {
            return answer + " in " + took.toMillis() + " ms";
        }
    }

    /** POSTs {@code json} with the given header name/value pairs. */
    public Timed post(String path, String json, String... headers) {
        HttpRequest.Builder request = request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    public Timed get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** As the tests' admin ({@link TestTokens#admin()}) unless the headers name an Authorization of their own. */
    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        boolean authorized = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            authorized |= headers[i].equalsIgnoreCase(HttpHeaders.AUTHORIZATION);
        }
        if (!authorized) {
            request.header(HttpHeaders.AUTHORIZATION, TestTokens.adminAuthorization());
        }
        return request;
    }

    private Timed send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach(headers::addAll);
            return new Timed(
                    new LedgerApi.Answer(response.statusCode(), headers, response.body()),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
