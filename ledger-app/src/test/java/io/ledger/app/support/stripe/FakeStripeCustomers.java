package io.ledger.app.support.stripe;

import io.ledger.command.stripe.StripeStub;
import io.ledger.command.stripe.StripeStub.Answer;
import io.ledger.command.stripe.StripeStub.Received;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link FakeStripe}'s Customers and PaymentMethods, as Stripe keeps them in test mode: a Customer with its email,
 * name, metadata and {@code invoice_settings.default_payment_method}; attaching a test payment method
 * ({@code pm_card_visa}, ...) makes a PaymentMethod of its own ({@code pm_fake...}) with the test card's brand, last
 * four digits and expiry, attached to the customer; detaching clears the customer, and the customer's default when it
 * was that one. A PaymentIntent confirmed with a saved method is charged as its test method would be, and only when
 * it belongs to the method's customer.
 */
final class FakeStripeCustomers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The test payment methods a customer can save, with their cards as Stripe shows them. */
    private static final Map<String, String[]> TEST_CARDS = Map.of(
            "pm_card_visa", new String[] {"visa", "4242"},
            "pm_card_mastercard", new String[] {"mastercard", "4444"},
            "pm_card_chargeDeclined", new String[] {"visa", "0002"});

    private final Map<String, ObjectNode> customers = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> methods = new ConcurrentHashMap<>();
    private final Map<String, String> testMethodOf = new ConcurrentHashMap<>();
    private final Supplier<String> ids;

    FakeStripeCustomers(Supplier<String> ids) {
        this.ids = ids;
    }

    /** Whether the path is one of these resources'. */
    static boolean serves(String[] path) {
        return path.length >= 3 && ("customers".equals(path[2]) || "payment_methods".equals(path[2]));
    }

    ObjectNode customer(String id) {
        return customers.get(id).deepCopy();
    }

    ObjectNode method(String id) {
        return methods.get(id).deepCopy();
    }

    /** The test method a saved one was made from (itself for a test method), or null when Stripe knows neither. */
    String testMethodOf(String method) {
        return TEST_CARDS.containsKey(method) ? method : testMethodOf.get(method);
    }

    /** A saved method's customer, or null. */
    String customerOf(String method) {
        ObjectNode saved = methods.get(method);
        return saved == null || saved.get("customer").isNull()
                ? null
                : saved.get("customer").asString();
    }

    Answer execute(Received request, String[] path) {
        Map<String, String> form = request.form();
        boolean post = "POST".equals(request.method());
        if ("customers".equals(path[2])) {
            if (path.length == 3 && post) {
                return ok(create(form));
            }
            ObjectNode customer = path.length == 4 ? customers.get(path[3]) : null;
            if (customer == null) {
                return notFound(request.path());
            }
            if (post) {
                update(customer, form);
            }
            return ok(customer);
        }
        // /v1/payment_methods/{id}[/attach|/detach]
        if (path.length == 5 && post && "attach".equals(path[4])) {
            return attach(path[3], form.get("customer"));
        }
        ObjectNode method = path.length >= 4 ? methods.get(path[3]) : null;
        if (method == null) {
            return missingMethod(path.length >= 4 ? path[3] : "");
        }
        if (path.length == 5 && post && "detach".equals(path[4])) {
            if (method.get("customer").isNull()) {
                return new Answer(
                        400,
                        StripeStub.error(
                                "invalid_request_error",
                                null,
                                null,
                                "The payment method you provided is not attached to a customer so detachment is"
                                        + " impossible."));
            }
            ObjectNode customer = customers.get(method.get("customer").asString());
            if (path[3].equals(customer.get("invoice_settings")
                    .get("default_payment_method")
                    .asString(null))) {
                ((ObjectNode) customer.get("invoice_settings")).putNull("default_payment_method");
            }
            method.putNull("customer");
            return ok(method);
        }
        return ok(method);
    }

    private ObjectNode create(Map<String, String> form) {
        String id = "cus_" + ids.get();
        ObjectNode customer = JSON.createObjectNode();
        customer.put("id", id);
        customer.put("object", "customer");
        customer.put("created", 1_790_000_000L);
        customer.put("livemode", false);
        customer.put("email", form.get("email"));
        customer.put("name", form.get("name"));
        customer.putObject("invoice_settings").putNull("default_payment_method");
        ObjectNode metadata = customer.putObject("metadata");
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
        customers.put(id, customer);
        return customer;
    }

    /** Form fields set what they name; an empty one clears it, as at Stripe. */
    private void update(ObjectNode customer, Map<String, String> form) {
        for (String field : new String[] {"email", "name"}) {
            if (form.containsKey(field)) {
                String value = form.get(field);
                if (value.isEmpty()) {
                    customer.putNull(field);
                } else {
                    customer.put(field, value);
                }
            }
        }
        String defaultMethod = form.get("invoice_settings[default_payment_method]");
        if (defaultMethod != null) {
            ((ObjectNode) customer.get("invoice_settings")).put("default_payment_method", defaultMethod);
        }
    }

    private Answer attach(String requested, String customerId) {
        if (customerId == null || !customers.containsKey(customerId)) {
            return new Answer(400, invalid("resource_missing", "customer", "No such customer: " + customerId));
        }
        String[] card = TEST_CARDS.get(requested);
        if (card == null) {
            return missingMethod(requested);
        }
        String id = "pm_" + ids.get();
        ObjectNode method = JSON.createObjectNode();
        method.put("id", id);
        method.put("object", "payment_method");
        method.put("type", "card");
        method.put("created", 1_790_000_000L);
        method.put("livemode", false);
        method.put("customer", customerId);
        ObjectNode shown = method.putObject("card");
        shown.put("brand", card[0]);
        shown.put("last4", card[1]);
        shown.put("exp_month", 8);
        shown.put("exp_year", 2031);
        shown.put("funding", "credit");
        method.putObject("metadata");
        methods.put(id, method);
        testMethodOf.put(id, requested);
        return ok(method);
    }

    private static Answer missingMethod(String id) {
        return new Answer(404, invalid("resource_missing", "payment_method", "No such PaymentMethod: '" + id + "'"));
    }

    /** An invalid_request_error naming its parameter, as Stripe sends it. */
    private static String invalid(String code, String param, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("type", "invalid_request_error");
        error.put("code", code);
        error.put("param", param);
        error.put("message", message);
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        return body.toString();
    }

    private static Answer ok(ObjectNode object) {
        return new Answer(200, object.toString());
    }

    private static Answer notFound(String path) {
        return new Answer(
                404, StripeStub.error("invalid_request_error", "resource_missing", null, "No such object: " + path));
    }
}
