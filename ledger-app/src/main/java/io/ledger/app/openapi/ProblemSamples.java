package io.ledger.app.openapi;

import io.ledger.api.problem.ProblemCode;
import java.util.EnumMap;
import java.util.Map;

/** The examples of the description's problems: per code, a detail as the ledger writes it and a path that answers it. */
final class ProblemSamples {

    /** The detail of a problem of the code, and a path that answers it. */
    record Sample(String detail, String instance) {}

    private static final Map<ProblemCode, Sample> SAMPLES = samples();

    private ProblemSamples() {}

    /** The sample of a code; every code of the table has one. */
    static Sample of(ProblemCode code) {
        Sample sample = SAMPLES.get(code);
        if (sample == null) {
            throw new IllegalStateException("no example of the problem code " + code.code());
        }
        return sample;
    }

    private static Map<ProblemCode, Sample> samples() {
        String payment = "/api/payments/pay_7Hc2Lq9ZrT4mXw1K";
        Map<ProblemCode, Sample> examples = new EnumMap<>(ProblemCode.class);
        examples.put(ProblemCode.VALIDATION_FAILED, new Sample("The request has invalid fields.", "/api/payments"));
        examples.put(
                ProblemCode.IDEMPOTENCY_KEY_REUSE,
                new Sample(
                        "This Idempotency-Key was used with a different request body or endpoint.", "/api/payments"));
        examples.put(
                ProblemCode.INVALID_SIGNATURE,
                new Sample(
                        "The signature does not verify: No signatures found matching the expected signature for"
                                + " payload",
                        "/api/webhooks/stripe"));
        examples.put(
                ProblemCode.UNAUTHORIZED,
                new Sample(
                        "This call needs a bearer token: Authorization: Bearer <token signed with LEDGER_JWT_SECRET>.",
                        "/api/payments"));
        examples.put(
                ProblemCode.FORBIDDEN,
                new Sample(
                        "The bearer token does not grant the scope this call needs: payments:write.", "/api/payments"));
        examples.put(ProblemCode.PAYMENT_NOT_FOUND, new Sample("No payment has this id.", payment));
        examples.put(
                ProblemCode.ACCOUNT_NOT_FOUND,
                new Sample(
                        "The chart of accounts has no account with this name.", "/api/ledger/accounts/cash/entries"));
        examples.put(
                ProblemCode.PROJECTION_NOT_FOUND,
                new Sample("no projection named payment-histories", "/api/audit/projections/payment-histories/replay"));
        examples.put(
                ProblemCode.WEBHOOK_EVENT_NOT_FOUND,
                new Sample(
                        "No Stripe event evt_1QxYk2CZ6qsJgndJ0b3yLk2B was received.",
                        "/api/webhooks/stripe/dead-letters/evt_1QxYk2CZ6qsJgndJ0b3yLk2B/retry"));
        examples.put(
                ProblemCode.NOT_FOUND, new Sample("No endpoint answers GET /api/nothing-here.", "/api/nothing-here"));
        examples.put(
                ProblemCode.METHOD_NOT_ALLOWED,
                new Sample("This path does not take DELETE; it takes [GET, POST].", "/api/payments"));
        examples.put(
                ProblemCode.INVALID_STATE_TRANSITION,
                new Sample("cannot refund payment pay_7Hc2Lq9ZrT4mXw1K: it is pending", payment + "/refunds"));
        examples.put(
                ProblemCode.REFUND_EXCEEDS_AVAILABLE,
                new Sample("refund of 2000 usd exceeds the 1499 usd available to refund", payment + "/refunds"));
        examples.put(
                ProblemCode.CURRENCY_MISMATCH,
                new Sample("currency eur differs from the payment's usd", payment + "/refunds"));
        examples.put(
                ProblemCode.IDEMPOTENCY_KEY_IN_USE,
                new Sample(
                        "A request with this Idempotency-Key is still being processed; retry later.", "/api/payments"));
        examples.put(
                ProblemCode.CONCURRENT_UPDATE,
                new Sample("The payment changed meanwhile; retry the request.", payment + "/confirm"));
        examples.put(
                ProblemCode.PAYLOAD_TOO_LARGE,
                new Sample("The request body exceeds 524288 bytes.", "/api/webhooks/stripe"));
        examples.put(
                ProblemCode.RATE_LIMITED,
                new Sample(
                        "Too many requests: each caller may make 25 a second. Retry after a second.", "/api/payments"));
        examples.put(
                ProblemCode.INTERNAL_ERROR, new Sample("The ledger failed to handle the request.", "/api/payments"));
        examples.put(
                ProblemCode.PROVIDER_UNAVAILABLE,
                new Sample(
                        "The payment provider is unavailable; nothing was recorded. Retry later with the same"
                                + " Idempotency-Key.",
                        "/api/payments"));
        examples.put(
                ProblemCode.SERVICE_UNAVAILABLE,
                new Sample(
                        "The ledger's database is unavailable; nothing was recorded. Retry after Retry-After seconds"
                                + " with the same Idempotency-Key.",
                        "/api/payments"));
        return examples;
    }
}
