package io.ledger.app.support;

import io.ledger.command.stripe.StripeStub;
import io.ledger.command.stripe.StripeStub.Answer;
import io.ledger.command.stripe.StripeStub.Received;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reads of Stripe's API that webhook syncs make, served by {@link StripeStub} on 127.0.0.1, answering with the
 * objects a test put there: {@code GET /v1/<resource>/<id>} returns the object (404 in Stripe's error shape when
 * absent), and the lists ({@code /v1/refunds?charge=}, {@code /v1/balance_transactions?payout=}) return Stripe list
 * pages of {@link #PAGE_SIZE}, continued with {@code starting_after}. A path can be made to fail with a status instead.
 * A payment the ledger creates gets a PaymentIntent ({@code POST /v1/payment_intents}) with id
 * {@link #intentIdOf(String) pi_<paymentId>}, left waiting for a payment method; a hosted checkout gets an open
 * Checkout Session ({@code POST /v1/checkout/sessions}, id {@link #sessionIdOf(String) cs_test_<paymentId>}), which
 * {@code POST /v1/checkout/sessions/{id}/expire} expires unless a test put it there complete (then 400, as Stripe
 * refuses to expire a session no longer open); a PaymentIntent left waiting can be canceled; a succeeded one can be
 * refunded ({@code POST /v1/refunds}, paid at once); nothing else is written. One stub serves every test application (see
 * {@link StripeApiStubEnvironmentPostProcessor}).
 */
public final class StripeApiStub {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /** The id of the PaymentIntent this stub makes for a payment the ledger creates. */
    public static String intentIdOf(String paymentId) {
        return "pi_" + paymentId;
    }

    /** The id of the Checkout Session this stub opens for a payment. */
    public static String sessionIdOf(String paymentId) {
        return "cs_test_" + paymentId;
    }

    /** The requests received so far with this method and path (form fields, Idempotency-Key). */
    public List<Received> received(String method, String path) {
        return stub.received().stream()
                .filter(r -> r.method().equals(method) && r.path().equals(path))
                .toList();
    }

    /** Paths of the requests received so far. */
    public List<String> requests() {
        return stub.received().stream().map(Received::path).toList();
    }

    private Answer respond(Received request) {
        String path = request.path();
        if ("POST".equals(request.method()) && path.equals("/v1/payment_intents")) {
            return new Answer(200, create(request.form()));
        }
        if ("POST".equals(request.method()) && path.startsWith("/v1/payment_intents/") && path.endsWith("/cancel")) {
            String intentPath = path.substring(0, path.length() - "/cancel".length());
            String intent = objects.get(intentPath);
            if (intent == null) {
                return new Answer(404, error("invalid_request_error", "No such payment_intent: " + intentPath));
            }
            String canceled = intent.replace("\"status\": \"requires_payment_method\"", "\"status\": \"canceled\"");
            objects.put(intentPath, canceled);
            return new Answer(200, canceled);
        }
        if ("POST".equals(request.method()) && path.equals("/v1/checkout/sessions")) {
            return new Answer(200, openSession(request.form()));
        }
        if ("POST".equals(request.method()) && path.startsWith("/v1/checkout/sessions/") && path.endsWith("/expire")) {
            return expire(path.substring(0, path.length() - "/expire".length()));
        }
        if ("POST".equals(request.method()) && path.equals("/v1/refunds")) {
            return refund(request.form());
        }
        if (!"GET".equals(request.method())) {
            return new Answer(405, error("invalid_request_error", "only GET and creating PaymentIntents are stubbed"));
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

    /** A new PaymentIntent as Stripe answers a create: waiting for a payment method, our ids in its metadata. */
    private String create(Map<String, String> form) {
        String paymentId = form.get("metadata[paymentId]");
        String id = intentIdOf(paymentId);
        String intent = """
                {"id": "%s", "object": "payment_intent", "amount": %s, "currency": "%s", "capture_method": "automatic",
                 "client_secret": "%s_secret_stub", "confirmation_method": "automatic", "created": 1763800000,
                 "livemode": false, "metadata": {"paymentId": "%s"}, "payment_method_types": ["card"],
                 "latest_charge": null, "last_payment_error": null, "next_action": null,
                 "status": "requires_payment_method"}
                """.formatted(id, form.get("amount"), form.get("currency"), id, paymentId);
        objects.putIfAbsent("/v1/payment_intents/" + id, intent);
        return intent;
    }

    /** A new Checkout Session as Stripe answers a create: open, its PaymentIntent made only when the customer pays. */
    private String openSession(Map<String, String> form) {
        String paymentId = form.get("metadata[paymentId]");
        String id = sessionIdOf(paymentId);
        String cancelUrl = form.get("cancel_url");
        String session = """
                {"id": "%s", "object": "checkout.session", "mode": "%s", "status": "open", "payment_status": "unpaid",
                 "amount_total": %s, "currency": "%s", "client_reference_id": "%s", "customer": null,
                 "expires_at": %s, "livemode": false, "metadata": {"paymentId": "%s"}, "payment_intent": null,
                 "success_url": "%s", "cancel_url": %s, "ui_mode": "hosted",
                 "url": "https://checkout.stripe.com/c/pay/%s"}
                """.formatted(
                        id,
                        form.get("mode"),
                        form.get("line_items[0][price_data][unit_amount]"),
                        form.get("line_items[0][price_data][currency]"),
                        form.get("client_reference_id"),
                        form.get("expires_at"),
                        paymentId,
                        form.get("success_url"),
                        cancelUrl == null ? "null" : "\"" + cancelUrl + "\"",
                        id);
        objects.putIfAbsent("/v1/checkout/sessions/" + id, session);
        return session;
    }

    /**
     * A refund of a PaymentIntent the stub holds as succeeded, paid at once; any other PaymentIntent is refused as
     * Stripe refuses a refund of one that never captured (400 {@code charge_not_refundable}).
     */
    private Answer refund(Map<String, String> form) {
        String stored = objects.get("/v1/payment_intents/" + form.get("payment_intent"));
        JsonNode intent = stored == null ? null : JSON.readTree(stored);
        if (intent == null || !"succeeded".equals(intent.path("status").asString())) {
            return new Answer(
                    400,
                    StripeStub.error(
                            "invalid_request_error", "charge_not_refundable", null, "This charge cannot be refunded."));
        }
        JsonNode charge = intent.path("latest_charge"); // an id, or the charge when expanded
        String refundId = form.get("metadata[refundId]");
        String refund = """
                {"id": "re_%s", "object": "refund", "amount": %s, "currency": "%s", "charge": "%s",
                 "payment_intent": "%s", "balance_transaction": "txn_re_%s", "created": 1790000000, "reason": null,
                 "metadata": {"paymentId": "%s", "refundId": "%s"}, "status": "succeeded"}
                """.formatted(
                        refundId,
                        form.getOrDefault("amount", intent.path("amount").asString()),
                        intent.path("currency").asString(),
                        charge.isObject() ? charge.path("id").asString() : charge.asString(),
                        intent.path("id").asString(),
                        refundId,
                        form.get("metadata[paymentId]"),
                        refundId);
        objects.put("/v1/refunds/re_" + refundId, refund);
        return new Answer(200, refund);
    }

    private Answer expire(String sessionPath) {
        String session = objects.get(sessionPath);
        if (session == null) {
            return new Answer(404, error("invalid_request_error", "No such checkout.session: " + sessionPath));
        }
        if (!session.contains("\"status\": \"open\"")) {
            return new Answer(
                    400,
                    error("invalid_request_error", "Only Checkout Sessions with a status of open can be expired."));
        }
        String expired = session.replace("\"status\": \"open\"", "\"status\": \"expired\"");
        objects.put(sessionPath, expired);
        return new Answer(200, expired);
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
