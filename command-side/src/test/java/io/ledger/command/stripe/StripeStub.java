package io.ledger.command.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stripe's API as seen on the wire, on 127.0.0.1 and an ephemeral port: form-encoded requests are recorded with their
 * headers, and answers (Stripe-shaped JSON objects or error bodies with their HTTP status) come either from a script,
 * sent in order, or from a {@link Responder} that computes them (ledger-app's stateful fake Stripe). An answer may be
 * delayed, to outlast the client's read timeout. Requests are served concurrently, as Stripe would.
 */
public final class StripeStub implements AutoCloseable {

    /** One request as Stripe received it; {@code form} holds the form body, or the query of a GET. */
    public record Received(
            String method, String path, String idempotencyKey, String authorization, Map<String, String> form) {}

    /** An HTTP answer: status, JSON body, extra headers, and how long to wait before sending it. */
    public record Answer(int status, String json, Map<String, String> headers, Duration delay) {

        public Answer(int status, String json) {
            this(status, json, Map.of(), Duration.ZERO);
        }

        public Answer delayed(Duration by) {
            return new Answer(status, json, headers, by);
        }
    }

    /** Computes the answer to a request. */
    @FunctionalInterface
    public interface Responder {
        Answer answer(Received request);
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestIds = new AtomicInteger();

    /** Answers from the script given with {@link #answer}. */
    public StripeStub() {
        this(null);
    }

    public StripeStub(Responder responder) {
        Responder answering = responder != null ? responder : request -> scripted();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stripe-stub");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, answering));
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public StripeStub answer(int status, String json) {
        return answer(status, json, Map.of());
    }

    public StripeStub answer(int status, String json, Map<String, String> headers) {
        return answer(new Answer(status, json, headers, Duration.ZERO));
    }

    public StripeStub answer(Answer answer) {
        synchronized (answers) {
            answers.add(answer);
        }
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected one request, got " + received);
        }
        return received.get(0);
    }

    private Answer scripted() {
        synchronized (answers) {
            return answers.isEmpty()
                    ? new Answer(500, error("api_error", null, null, "the stub has no answer scripted"))
                    : answers.poll();
        }
    }

    private void handle(HttpExchange exchange, Responder responder) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            Received request = new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    form(body.isEmpty() && query != null ? query : body));
            received.add(request);
            Answer answer = responder.answer(request);
            if (!answer.delay().isZero()) {
                Thread.sleep(answer.delay().toMillis());
            }
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Request-Id", "req_stub" + requestIds.incrementAndGet());
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // The client gave up (a read timeout) before the delayed answer was sent.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Decodes a form body; repeated keys (expand[]) keep the last value. */
    public static Map<String, String> form(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.put(key, value);
        }
        return form;
    }

    /** An error body as Stripe sends it; null fields are left out. */
    public static String error(String type, String code, String declineCode, String message) {
        StringBuilder json = new StringBuilder("{\"error\": {\"type\": \"" + type + "\"");
        if (code != null) {
            json.append(", \"code\": \"").append(code).append('"');
        }
        if (declineCode != null) {
            json.append(", \"decline_code\": \"").append(declineCode).append('"');
        }
        json.append(", \"message\": \"").append(message).append("\"}}");
        return json.toString();
    }

    /** A PaymentIntent with the fields the adapter reads; {@code extra} is spliced in as more JSON members. */
    static String paymentIntent(String id, String status, String extra) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 1099, "currency": "eur", "capture_method": "automatic",
                 "client_secret": "%s_secret_abc", "confirmation_method": "automatic", "created": 1234567890,
                 "livemode": false, "metadata": {}, "payment_method_types": ["card"], "status": "%s"%s}
                """.formatted(id, id, status, extra == null ? "" : ", " + extra);
    }

    static String refund(String id, String status, String extra) {
        return """
                {"id": "%s", "object": "refund", "amount": 500, "currency": "eur", "created": 1234567890,
                 "payment_intent": "pi_123", "metadata": {}, "reason": null, "status": "%s"%s}
                """.formatted(id, status, extra == null ? "" : ", " + extra);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
