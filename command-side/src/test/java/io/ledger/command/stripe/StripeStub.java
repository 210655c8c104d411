package io.ledger.command.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stripe's API as seen on the wire, on 127.0.0.1 and an ephemeral port: form-encoded requests are recorded with their
 * headers, and scripted JSON answers (Stripe-shaped objects or error bodies with their HTTP status) are sent in order.
 */
final class StripeStub implements AutoCloseable {

    record Received(
            String method, String path, String idempotencyKey, String authorization, Map<String, String> form) {}

    private record Answer(int status, String json, Map<String, String> headers) {}

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    StripeStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    StripeStub answer(int status, String json) {
        return answer(status, json, Map.of());
    }

    StripeStub answer(int status, String json, Map<String, String> headers) {
        synchronized (answers) {
            answers.add(new Answer(status, json, headers));
        }
        return this;
    }

    List<Received> received() {
        return received;
    }

    Received only() {
        if (received.size() != 1) {
            throw new AssertionError("expected one request, got " + received);
        }
        return received.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        received.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                form(body.isEmpty() && query != null ? query : body)));
        Answer answer;
        synchronized (answers) {
            answer = answers.isEmpty()
                    ? new Answer(500, error("api_error", null, null, "the stub has no answer scripted"), Map.of())
                    : answers.poll();
        }
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_stub" + received.size());
        answer.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String encoded) {
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
    static String error(String type, String code, String declineCode, String message) {
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
    }
}
