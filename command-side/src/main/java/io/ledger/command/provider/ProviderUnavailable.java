package io.ledger.command.provider;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;
import java.time.Duration;
import java.util.Map;

/**
 * The provider could not be reached, or kept failing on its side, after every retry the adapter allows (or its circuit
 * breaker is open): nothing is known to have happened there. The request changes nothing in the ledger and may be
 * retried with the same Idempotency-Key (503). Carries no cause, so no provider message or key can leak through it.
 */
public class ProviderUnavailable extends LedgerProblem {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final Duration retryAfter;

    public ProviderUnavailable(String operation, String detail) {
        this(operation, detail, RETRY_AFTER);
    }

    protected ProviderUnavailable(String operation, String detail, Duration retryAfter) {
        super(
                ProblemCode.PROVIDER_UNAVAILABLE,
                "payment provider unavailable: " + operation + " (" + detail + ")",
                false);
        this.retryAfter = retryAfter;
    }

    /** The operation and the provider's failure are for the operators' log, not for the caller. */
    @Override
    public String detail() {
        return "The payment provider is unavailable; nothing was recorded. Retry later with the same Idempotency-Key.";
    }

    /** Whole seconds, at least one (RFC 9110's delay-seconds). */
    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
    }
}
