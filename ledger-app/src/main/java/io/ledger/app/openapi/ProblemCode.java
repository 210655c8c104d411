package io.ledger.app.openapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every problem {@code code} the ledger answers, with its usual status and a detail as the ledger writes it: the
 * examples of the OpenAPI description and its list of codes. The codes themselves are written where each module turns
 * its exceptions into problems; this table only describes them.
 */
enum ProblemCode {
    VALIDATION_FAILED(400, "The request has invalid fields."),
    IDEMPOTENCY_KEY_REUSE(400, "This Idempotency-Key was used with a different request body or endpoint."),
    INVALID_SIGNATURE(
            400, "The signature does not verify: No signatures found matching the expected signature for payload"),
    UNAUTHORIZED(401, "This call needs a bearer token: Authorization: Bearer <token signed with LEDGER_JWT_SECRET>."),
    FORBIDDEN(403, "The bearer token does not grant the scope this call needs: payments:write."),
    PAYMENT_NOT_FOUND(404, "No payment has this id."),
    ACCOUNT_NOT_FOUND(404, "The chart of accounts has no account with this name."),
    PROJECTION_NOT_FOUND(404, "no projection named payment-histories"),
    WEBHOOK_EVENT_NOT_FOUND(404, "No Stripe event evt_1QxYk2CZ6qsJgndJ0b3yLk2B was received."),
    INVALID_STATE_TRANSITION(409, "cannot refund payment pay_7Hc2Lq9ZrT4mXw1K: it is pending"),
    REFUND_EXCEEDS_AVAILABLE(409, "refund of 2000 usd exceeds the 1499 usd available to refund"),
    CURRENCY_MISMATCH(409, "currency eur differs from the payment's usd"),
    IDEMPOTENCY_KEY_IN_USE(409, "A request with this Idempotency-Key is still being processed; retry later."),
    CONCURRENT_UPDATE(409, "The payment changed meanwhile; retry the request."),
    PAYLOAD_TOO_LARGE(413, "The request body exceeds 524288 bytes."),
    RATE_LIMITED(429, "Too many requests: each caller may make 25 a second. Retry after a second."),
    INTERNAL_ERROR(500, "The ledger failed to handle the request."),
    PROVIDER_UNAVAILABLE(
            503,
            "The payment provider is unavailable; nothing was recorded. Retry later with the same Idempotency-Key.");

    final int status;
    final String detail;

    ProblemCode(int status, String detail) {
        this.status = status;
        this.detail = detail;
    }

    /** The code as problems carry it: {@code validation_failed}. */
    String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Optional<ProblemCode> of(String code) {
        return Arrays.stream(values()).filter(each -> each.code().equals(code)).findFirst();
    }
}
