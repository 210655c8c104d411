package io.ledger.api.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every problem code the ledger answers, with the HTTP status it answers with and its title: the one table behind every
 * RFC 9457 problem, whichever module or filter writes it. A problem's {@code type} is {@code /problems/<code>}.
 */
public enum ProblemCode {
    VALIDATION_FAILED(400, "Invalid request"),
    IDEMPOTENCY_KEY_REUSE(400, "Idempotency key reused"),
    INVALID_SIGNATURE(400, "Invalid webhook signature"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    PAYMENT_NOT_FOUND(404, "Payment not found"),
    ACCOUNT_NOT_FOUND(404, "Account not found"),
    PROJECTION_NOT_FOUND(404, "Projection not found"),
    WEBHOOK_EVENT_NOT_FOUND(404, "Webhook event not found"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    INVALID_STATE_TRANSITION(409, "Invalid state transition"),
    REFUND_EXCEEDS_AVAILABLE(409, "Refund exceeds available amount"),
    CURRENCY_MISMATCH(409, "Currency mismatch"),
    IDEMPOTENCY_KEY_IN_USE(409, "Idempotency key in use"),
    CONCURRENT_UPDATE(409, "Concurrent update"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    RATE_LIMITED(429, "Rate limited"),
    INTERNAL_ERROR(500, "Internal error"),
    PROVIDER_UNAVAILABLE(503, "Provider unavailable"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ProblemCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The code as problems carry it: {@code validation_failed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The problem's {@code type}: {@code /problems/validation_failed}. */
    public String type() {
        return "/problems/" + code();
    }

    /** The status the code answers with; only framework refusals of a request's form differ (415, 406). */
    public int status() {
        return status;
    }

    /** A short summary of the code, the same for every problem that carries it. */
    public String title() {
        return title;
    }

    public static Optional<ProblemCode> of(String code) {
        return Arrays.stream(values()).filter(each -> each.code().equals(code)).findFirst();
    }

    /**
     * The code of a refusal known only by its status, as the web framework or the servlet container report one: the
     * path (404), the method (405), the size (413), else the request's form (other 4xx) or a failure (5xx).
     */
    public static ProblemCode forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 429 -> RATE_LIMITED;
            default -> status >= 400 && status < 500 ? VALIDATION_FAILED : INTERNAL_ERROR;
        };
    }
}
