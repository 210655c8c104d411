package io.ledger.app.support;

import io.ledger.command.stripe.StripeStub;
import io.ledger.command.stripe.StripeStub.Answer;
import io.ledger.command.stripe.StripeStub.Received;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GETs of Stripe's API the webhook module makes, served by {@link StripeStub} on 127.0.0.1, answering with the objects a
 * test put there: {@code GET /v1/<resource>/<id>} returns the object (404 in Stripe's error shape when absent), and
 * the lists ({@code /v1/refunds?charge=}, {@code /v1/balance_transactions?payout=}) return Stripe list pages of
 * {@link #PAGE_SIZE}, continued with {@code starting_after}. A path can be made to fail with a status instead.
 * One stub serves every test application (see {@link StripeApiStubEnvironmentPostProcessor}).
 */
public final class StripeApiStub {

    /** Small, so that every list the tests read spans pages. */
    public static final int PAGE_SIZE = 2;

    private static StripeApiStub shared;

    private final StripeStub stub = new StripeStub(this::respond);
    private final Map<String, String> objects = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private StripeApiStub() {}

    public static synchronized StripeApiStub shared() {
        if (shared == null) {
            shared = new StripeApiStub();
        }
        return shared;
    }

    public String base() {
        return stub.base();
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

    /** Paths of the requests received so far. */
    public List<String> requests() {
        return stub.received().stream().map(Received::path).toList();
    }

    private Answer respond(Received request) {
        String path = request.path();
        if (!"GET".equals(request.method())) {
            return new Answer(405, error("invalid_request_error", "only GET is stubbed"));
        }
        Integer failure = failures.get(path);
        if (failure != null) {
            return new Answer(failure, error("api_error", "stubbed failure"));
        }
        String object = objects.get(path);
        if (object != null) {
            return new Answer(200, object);
        }
        for (Map.Entry<String, String> filter : request.form().entrySet()) {
            List<String> items = lists.get(path + "?" + filter.getKey() + "=" + filter.getValue());
            if (items != null) {
                return new Answer(200, page(path, items, request.form().get("starting_after")));
            }
        }
        return new Answer(404, error("invalid_request_error", "No such object: " + path));
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
        return StripeStub.error(type, null, null, message.replace("\"", "'"));
    }
}
