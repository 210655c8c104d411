package io.ledger.command.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one Stripe client's settings, {@code stripe.*} (env {@code STRIPE_...}): the key, where Stripe is (a stub in
 * tests), per-attempt time-outs, and the retry policy and circuit breaker every call goes through ({@link StripeCalls}).
 * Checked when the application starts. The key is never printed, not even by {@link #toString()}.
 */
@ConfigurationProperties("stripe")
record StripeSettings(
        String secretKey,
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT20S") Duration readTimeout,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker) {

    StripeSettings {
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("stripe.secret-key is required for the Stripe provider");
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || readTimeout.isNegative()
                || readTimeout.isZero()) {
            throw new IllegalArgumentException("stripe.connect-timeout and stripe.read-timeout must be positive");
        }
    }

    /**
     * How calls are retried: at most {@code maxAttempts} attempts (1 to 5), no new one later than {@code maxTotal} after
     * the first; the backoff grows {@code multiplier}-fold per attempt from {@code initialBackoff} up to
     * {@code maxBackoff} and varies by up to {@code jitterPercent} either way (whole numbers: no floating point).
     */
    record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("PT0.5S") Duration initialBackoff,
            @DefaultValue("2") int multiplier,
            @DefaultValue("50") int jitterPercent,
            @DefaultValue("PT8S") Duration maxBackoff,
            @DefaultValue("PT30S") Duration maxTotal) {

        Retry {
            if (maxAttempts < 1 || maxAttempts > 5) {
                throw new IllegalArgumentException("stripe.retry.max-attempts must be 1 to 5, not " + maxAttempts);
            }
        }
    }

    /** When the breaker opens (counting only failures worth retrying) and for how long it stays open. */
    record CircuitBreaker(
            @DefaultValue("50") int failureRatePercent,
            @DefaultValue("20") int slidingWindowSize,
            @DefaultValue("10") int minimumNumberOfCalls,
            @DefaultValue("PT30S") Duration openDuration) {}

    @Override
    public String toString() {
        return "StripeSettings[secretKey=(hidden), apiBase=" + apiBase + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", retry=" + retry + ", circuitBreaker=" + circuitBreaker + "]";
    }
}
