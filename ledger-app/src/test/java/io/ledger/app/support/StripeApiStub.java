package io.ledger.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The GETs of Stripe's API the webhook module makes, on 127.0.0.1 and an ephemeral port, answering with the objects a
 * test put there: {@code GET /v1/<resource>/<id>} returns the object (404 in Stripe's error shape when absent), and
 * the lists ({@code /v1/refunds?charge=}, {@code /v1/balance_transactions?payout=}) return Stripe list pages of
 * {@link #PAGE_SIZE}, continued with {@code starting_after}. A path can be made to fail with a status instead.
 * One stub serves every test application (see {@link StripeApiStubEnvironmentPostProcessor}).
 */
public final class StripeApiStub {

    /** Small, so that every list the tests read spans pages. */
    public static final int PAGE_SIZE = 2;

    private static StripeApiStub shared;

    private final HttpServer server;
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private StripeApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized StripeApiStub shared() {
        if (shared == null) {
            shared = new StripeApiStub();
        }
        return shared;
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves the object at {@code /v1/<resource>/<its id>}, e.g. {@code put("payment_intents", json)}. */
    public void put(String resource, String id, String json) {
        objects.put("/v1/" + resource + "/" + id, json);
        failures.remove("/v1/" + resource + "/" + id);
    }

    /** Serves a list at {@code /v1/<resource>?<filter>=<value>}, e.g. the refunds of a charge. */
    public void list(String resource, String filter, String value, List<String> items) {
        lists.put("/v1/" + resource + "?" + filter + "=" + value, List.copyOf(items));
    }

    /** Makes {@code /v1/<resource>/<id>} answer with Stripe's error body and this status. */
    public void fail(String resource, String id, int status) {
        failures.put("/v1/" + resource + "/" + id, status);
    }

    /** Paths of the GETs received so far. */
    public List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        requests.add(path);
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, error("invalid_request_error", "only GET is stubbed"));
            return;
        }
        Integer failure = failures.get(path);
        if (failure != null) {
            send(exchange, failure, error("api_error", "stubbed failure"));
            return;
        }
        String object = objects.get(path);
        if (object != null) {
            send(exchange, 200, object);
            return;
        }
        for (Map.Entry<String, String> filter : query.entrySet()) {
            List<String> items = lists.get(path + "?" + filter.getKey() + "=" + filter.getValue());
            if (items != null) {
                send(exchange, 200, page(path, items, query.get("starting_after")));
                return;
            }
        }
        send(exchange, 404, error("invalid_request_error", "No such object: " + path));
    }

    private static String page(String path, List<String> items, String startingAfter) {
        int from = 0;
        if (startingAfter != null) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).contains("\"id\": \"" + startingAfter + "\"")
                        || items.get(i).contains("\"id\":\"" + startingAfter + "\"")) {
                    from = i + 1;
                }
            }
        }
        int to = Math.min(items.size(), from + PAGE_SIZE);
        return "{\"object\": \"list\", \"data\": [" + String.join(",", items.subList(from, to)) + "], \"has_more\": "
                + (to < items.size()) + ", \"url\": \"" + path + "\"}";
    }

    private static String error(String type, String message) {
        return "{\"error\": {\"type\": \"" + type + "\", \"message\": \"" + message.replace("\"", "'") + "\"}}";
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return query;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Request-Id", "req_stub");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
