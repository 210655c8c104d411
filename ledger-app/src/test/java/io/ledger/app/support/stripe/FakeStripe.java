package io.ledger.app.support.stripe;

import io.ledger.command.stripe.StripeStub;
import io.ledger.command.stripe.StripeStub.Answer;
import io.ledger.command.stripe.StripeStub.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful Stripe in test mode, served by {@link StripeStub} on the wire: PaymentIntents and Refunds that remember
 * their state, the test payment methods ({@code pm_card_visa}, {@code pm_card_chargeDeclined},
 * {@code pm_card_insufficientFunds}, {@code pm_card_authenticationRequired}), Customers and the PaymentMethods saved for
 * them ({@link FakeStripeCustomers}), and Stripe's idempotency: a POST repeated
 * with the same Idempotency-Key gets the stored first answer back (header {@code Idempotent-Replayed: true}) and
 * changes nothing; with other parameters it is refused. Faults can be scripted: answer 429 or 5xx before executing, or
 * execute and then hang past the client's read timeout, or answer everything late. Every request is recorded (path, form fields, key).
 */
public final class FakeStripe implements AutoCloseable {

    public static final String API_VERSION = "2026-07-29.dahlia";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StripeStub stub = new StripeStub(this::respond);
    private final Map<String, ObjectNode> intents = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> refunds = new ConcurrentHashMap<>();
    private final Map<String, Stored> idempotent = new ConcurrentHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<Received> executed = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final FakeStripeCustomers customers = new FakeStripeCustomers(this::next);
    private volatile boolean refundsSettleLater;
    private volatile Duration latency = Duration.ZERO;

    private record Stored(String fingerprint, Answer answer) {}

    private record Fault(Predicate<Received> matches, Answer answer, AtomicInteger remaining, boolean executeFirst) {}

    public String base() {
        return stub.base();
    }

    /** Every request received, in order. */
    public List<Received> received() {
        return stub.received();
    }

    /** The requests to a path ending so (e.g. {@code /confirm}) with this method. */
    public List<Received> received(String method, String pathEnd) {
        return stub.received().stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathEnd))
                .toList();
    }

    /** The POSTs that changed something here: neither replayed nor refused by a scripted fault. */
    public synchronized List<Received> executed(String pathEnd) {
        return executed.stream().filter(r -> r.path().endsWith(pathEnd)).toList();
    }

    public ObjectNode intent(String id) {
        return intents.get(id).deepCopy();
    }

    /** A Customer as Stripe keeps it. */
    public ObjectNode customer(String id) {
        return customers.customer(id);
    }

    /** A PaymentMethod as Stripe keeps it. */
    public ObjectNode paymentMethod(String id) {
        return customers.method(id);
    }

    public ObjectNode refund(String id) {
        return refunds.get(id).deepCopy();
    }

    /** The next {@code times} requests to a path ending so get this status and error, before anything happens. */
    public synchronized FakeStripe failNext(String pathEnd, int times, int status) {
        String body = StripeStub.error(
                status == 429 ? "invalid_request_error" : "api_error",
                status == 429 ? "rate_limit" : null,
                null,
                status == 429 ? "Too many requests hit the API too quickly." : "Something went wrong on Stripe's end.");
        faults.add(
                new Fault(r -> r.path().endsWith(pathEnd), new Answer(status, body), new AtomicInteger(times), false));
        return this;
    }

    /** The next request to a path ending so is executed, then answered only after {@code delay}. */
    public synchronized FakeStripe hangNext(String pathEnd, Duration delay) {
        faults.add(new Fault(
                r -> r.path().endsWith(pathEnd), new Answer(0, "").delayed(delay), new AtomicInteger(1), true));
        return this;
    }

    /** Every answer from now on is sent {@code delay} after the request was executed (a slow Stripe). */
    public FakeStripe latency(Duration delay) {
        latency = delay;
        return this;
    }

    /** New refunds stay pending until {@link #settleRefund}. */
    public FakeStripe refundsSettleLater(boolean later) {
        refundsSettleLater = later;
        return this;
    }

    /** The bank paid the refund out ({@code succeeded}) or could not ({@code failed}). */
    public synchronized void settleRefund(String refundId, String status) {
        ObjectNode refund = refunds.get(refundId);
        refund.put("status", status);
        if ("succeeded".equals(status)) {
            refund.put("balance_transaction", "txn_" + next());
        } else {
            refund.put("failure_reason", "expired_or_canceled_card");
            refund.put("failure_balance_transaction", "txn_" + next());
        }
    }

    /** The customer confirmed in the browser with the client secret (Stripe.js): the ledger is not told. */
    public synchronized void confirmFromBrowser(String intentId, String paymentMethod) {
        confirm(intents.get(intentId), Map.of("payment_method", paymentMethod));
    }

    /** The customer completed 3-D Secure in the browser: Stripe charges the card. */
    public synchronized void completeCustomerAction(String intentId) {
        succeed(intents.get(intentId));
    }

    /** The delay is slept by the stub after this returns, outside the lock: slow answers overlap, as at Stripe. */
    private Answer respond(Received request) {
        Answer answer = answer(request);
        return answer.delay().compareTo(latency) >= 0 ? answer : answer.delayed(latency);
    }

    private synchronized Answer answer(Received request) {
        Fault fault = faults.stream()
                .filter(f -> f.remaining().get() > 0 && f.matches().test(request))
                .findFirst()
                .orElse(null);
        if (fault != null) {
            fault.remaining().decrementAndGet();
            if (!fault.executeFirst()) {
                return fault.answer();
            }
            return idempotently(request).delayed(fault.answer().delay());
        }
        return idempotently(request);
    }

    private Answer idempotently(Received request) {
        if (!"POST".equals(request.method()) || request.idempotencyKey() == null) {
            return versioned(execute(request));
        }
        String fingerprint = request.path() + " " + request.form();
        Stored stored = idempotent.get(request.idempotencyKey());
        if (stored != null) {
            if (!stored.fingerprint().equals(fingerprint)) {
                return versioned(new Answer(
                        400,
                        StripeStub.error(
                                "idempotency_error",
                                null,
                                null,
                                "Keys for idempotent requests can only be used with the same parameters they were"
                                        + " first used with.")));
            }
            Answer first = stored.answer();
            Map<String, String> headers = new HashMap<>(first.headers());
            headers.put("Idempotent-Replayed", "true");
            return new Answer(first.status(), first.json(), headers, Duration.ZERO);
        }
        Answer answer = versioned(execute(request));
        executed.add(request);
        idempotent.put(request.idempotencyKey(), new Stored(fingerprint, answer));
        return answer;
    }

    private Answer execute(Received request) {
        String[] path = request.path().split("/");
        // /v1/payment_intents[/{id}[/confirm|/cancel]] (POST to /{id}: an update), /v1/refunds[/{id}],
        // /v1/checkout/sessions
        if (path.length < 3 || !"v1".equals(path[1])) {
            return notFound(request.path());
        }
        Map<String, String> form = request.form();
        if (FakeStripeCustomers.serves(path)) {
            return customers.execute(request, path);
        }
        if ("payment_intents".equals(path[2])) {
            if (path.length == 3 && "POST".equals(request.method())) {
                return ok(createIntent(form));
            }
            ObjectNode intent = path.length > 3 ? intents.get(path[3]) : null;
            if (intent == null) {
                return notFound(request.path());
            }
            if (path.length == 4 && "GET".equals(request.method())) {
                return ok(expanded(intent, form));
            }
            if (path.length == 4 && "POST".equals(request.method())) {
                return update(intent, form);
            }
            if (path.length == 5 && "confirm".equals(path[4])) {
                return confirm(intent, form);
            }
            if (path.length == 5 && "cancel".equals(path[4])) {
                intent.put("status", "canceled");
                intent.put("cancellation_reason", form.get("cancellation_reason"));
                return ok(intent);
            }
        }
        if ("checkout".equals(path[2]) && path.length == 4 && "POST".equals(request.method())) {
            return ok(openCheckoutSession(form));
        }
        if ("refunds".equals(path[2])) {
            if (path.length == 3 && "POST".equals(request.method())) {
                return createRefund(form);
            }
            if (path.length == 3 && "GET".equals(request.method())) {
                return ok(refundsOf(form.get("payment_intent")));
            }
            ObjectNode refund = path.length == 4 ? refunds.get(path[3]) : null;
            return refund == null ? notFound(request.path()) : ok(refund);
        }
        return notFound(request.path());
    }

    /** A Checkout Session opened in payment mode, as Stripe answers it: what the ledger reads is its id and url. */
    private ObjectNode openCheckoutSession(Map<String, String> form) {
        String id = "cs_test_" + next();
        ObjectNode session = JSON.createObjectNode();
        session.put("id", id);
        session.put("object", "checkout.session");
        session.put("mode", form.get("mode"));
        session.put("status", "open");
        session.put("url", "https://checkout.stripe.com/c/pay/" + id);
        session.put("success_url", form.get("success_url"));
        session.putNull("payment_intent");
        metadata(session, form);
        return session;
    }

    private ObjectNode createIntent(Map<String, String> form) {
        String id = "pi_" + next();
        ObjectNode intent = JSON.createObjectNode();
        intent.put("id", id);
        intent.put("object", "payment_intent");
        intent.put("amount", Long.parseLong(form.get("amount")));
        intent.put("currency", form.get("currency"));
        intent.put("customer", form.get("customer"));
        intent.put("description", form.get("description"));
        intent.put("capture_method", "automatic");
        intent.put("confirmation_method", "automatic");
        intent.put("client_secret", id + "_secret_" + next());
        intent.put("created", 1_790_000_000L);
        intent.put("livemode", false);
        intent.putArray("payment_method_types").add("card");
        intent.put("status", "requires_payment_method");
        intent.putNull("latest_charge");
        intent.putNull("last_payment_error");
        intent.putNull("next_action");
        metadata(intent, form);
        intents.put(id, intent);
        return intent;
    }

    /** An update of the amount (or description, metadata) while the intent is not yet confirmed, as Stripe allows. */
    private Answer update(ObjectNode intent, Map<String, String> form) {
        String status = intent.get("status").asString();
        if (form.containsKey("amount")
                && !status.equals("requires_payment_method")
                && !status.equals("requires_confirmation")
                && !status.equals("requires_action")) {
            return new Answer(
                    400,
                    StripeStub.error(
                            "invalid_request_error",
                            "payment_intent_unexpected_state",
                            null,
                            "This PaymentIntent's amount could not be updated because it has a status of " + status
                                    + "."));
        }
        if (form.containsKey("amount")) {
            intent.put("amount", Long.parseLong(form.get("amount")));
        }
        if (form.containsKey("description")) {
            intent.put("description", form.get("description"));
        }
        return ok(visible(intent));
    }

    private Answer confirm(ObjectNode intent, Map<String, String> form) {
        String status = intent.get("status").asString();
        if (!status.equals("requires_payment_method") && !status.equals("requires_confirmation")) {
            return new Answer(
                    400,
                    StripeStub.error(
                            "invalid_request_error",
                            "payment_intent_unexpected_state",
                            null,
                            "This PaymentIntent's status is " + status + "."));
        }
        String method = form.get("payment_method");
        String owner = customers.customerOf(method);
        if (owner != null && !owner.equals(intent.get("customer").asString(null))) {
            return new Answer(
                    400,
                    StripeStub.error(
                            "invalid_request_error",
                            null,
                            null,
                            "The provided PaymentMethod belongs to a Customer; pass that Customer with the"
                                    + " PaymentIntent."));
        }
        intent.put("payment_method", method);
        intent.putNull("last_payment_error");
        String tested = customers.testMethodOf(method);
        switch (tested == null ? String.valueOf(method) : tested) {
            case "pm_card_visa", "pm_card_mastercard" -> succeed(intent);
            case "pm_card_authenticationRequired" -> {
                intent.put("status", "requires_action");
                intent.putObject("next_action").put("type", "use_stripe_sdk");
            }
            case "pm_card_chargeDeclined" -> {
                return decline(intent, "generic_decline", "Your card was declined.");
            }
            case "pm_card_insufficientFunds" -> {
                return decline(intent, "insufficient_funds", "Your card has insufficient funds.");
            }
            default -> {
                intent.putNull("payment_method");
                return new Answer(
                        400,
                        "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\","
                                + " \"param\": \"payment_method\", \"message\": \"No such PaymentMethod: '" + method
                                + "'\"}}");
            }
        }
        return ok(expanded(intent, form));
    }

    private void succeed(ObjectNode intent) {
        String charge = "ch_" + next();
        intent.put("status", "succeeded");
        intent.putNull("next_action");
        intent.put("latest_charge", charge);
        intent.put("_balance_transaction", "txn_" + next());
    }

    /** A card error as Stripe sends it (402), the PaymentIntent back to requires_payment_method with the error. */
    private Answer decline(ObjectNode intent, String declineCode, String message) {
        String charge = "ch_" + next();
        ObjectNode error = JSON.createObjectNode();
        error.put("type", "card_error");
        error.put("code", "card_declined");
        error.put("decline_code", declineCode);
        error.put("message", message);
        error.put("charge", charge);
        intent.put("status", "requires_payment_method");
        intent.put("latest_charge", charge);
        intent.set("last_payment_error", error.deepCopy());
        error.set("payment_intent", visible(intent));
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        return new Answer(402, body.toString());
    }

    private Answer createRefund(Map<String, String> form) {
        ObjectNode intent = intents.get(form.get("payment_intent"));
        if (intent == null || !"succeeded".equals(intent.get("status").asString())) {
            return new Answer(
                    400,
                    StripeStub.error(
                            "invalid_request_error", "charge_not_refundable", null, "This charge cannot be refunded."));
        }
        String id = "re_" + next();
        ObjectNode refund = JSON.createObjectNode();
        refund.put("id", id);
        refund.put("object", "refund");
        refund.put(
                "amount",
                Long.parseLong(form.getOrDefault("amount", intent.get("amount").asString())));
        refund.put("currency", intent.get("currency").asString());
        refund.put("charge", intent.get("latest_charge").asString());
        refund.put("payment_intent", intent.get("id").asString());
        refund.put("reason", form.get("reason"));
        refund.put("created", 1_790_000_000L);
        metadata(refund, form);
        refund.put("status", refundsSettleLater ? "pending" : "succeeded");
        if (!refundsSettleLater) {
            refund.put("balance_transaction", "txn_" + next());
        } else {
            refund.putNull("balance_transaction");
        }
        refunds.put(id, refund);
        return ok(refund);
    }

    /** {@code metadata[key]=value} form fields as the object's metadata. */
    private static void metadata(ObjectNode object, Map<String, String> form) {
        ObjectNode metadata = object.putObject("metadata");
        form.forEach((key, value) -> {
            if (key.startsWith("metadata[")) {
                metadata.put(key.substring("metadata[".length(), key.length() - 1), value);
            }
        });
    }

    /** A list object as Stripe pages it (one page here). */
    private ObjectNode refundsOf(String intentId) {
        ObjectNode list = JSON.createObjectNode();
        list.put("object", "list");
        list.put("url", "/v1/refunds");
        list.put("has_more", false);
        refunds.values().stream()
                .filter(refund -> refund.get("payment_intent").asString().equals(intentId))
                .forEach(refund -> list.withArray("data").add(refund.deepCopy()));
        list.withArray("data");
        return list;
    }

    /** The PaymentIntent as Stripe shows it; {@code expand[]=latest_charge} turns the charge id into the object. */
    private static ObjectNode expanded(ObjectNode intent, Map<String, String> form) {
        ObjectNode shown = visible(intent);
        boolean expand = form.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("expand") && "latest_charge".equals(e.getValue()));
        if (expand && !intent.get("latest_charge").isNull()) {
            ObjectNode charge = shown.putObject("latest_charge");
            charge.put("id", intent.get("latest_charge").asString());
            charge.put("object", "charge");
            charge.put("amount", intent.get("amount").asLong());
            charge.put("currency", intent.get("currency").asString());
            charge.put("paid", true);
            charge.put("status", "succeeded");
            JsonNode balanceTransaction = intent.get("_balance_transaction");
            if (balanceTransaction == null) {
                charge.putNull("balance_transaction");
            } else {
                charge.put("balance_transaction", balanceTransaction.asString());
            }
        }
        return shown;
    }

    private static ObjectNode visible(ObjectNode intent) {
        ObjectNode shown = intent.deepCopy();
        shown.remove("_balance_transaction");
        return shown;
    }

    private static Answer ok(ObjectNode object) {
        return new Answer(200, object.toString());
    }

    private static Answer notFound(String path) {
        return new Answer(
                404, StripeStub.error("invalid_request_error", "resource_missing", null, "No such object: " + path));
    }

    private static Answer versioned(Answer answer) {
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.put("Stripe-Version", API_VERSION);
        return new Answer(answer.status(), answer.json(), headers, answer.delay());
    }

    private String next() {
        return "fake" + String.format("%08d", ids.incrementAndGet());
    }

    @Override
    public void close() {
        stub.close();
    }
}
