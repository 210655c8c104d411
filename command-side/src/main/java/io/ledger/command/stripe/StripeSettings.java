package io.ledger.command.stripe;

import io.ledger.api.retry.Backoff;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The one Stripe client's settings, {@code stripe.*} (env {@code STRIPE_...}): the key, where Stripe is (a stub in
 * tests) and per-attempt time-outs; the retry policy ({@link Retry}), circuit breaker ({@link CircuitBreaker}) and
 * bulkhead ({@link Bulkhead}) every call goes through ({@link StripeCalls}) are bound on their own, so that the report of a refused value names its
 * environment variable (Spring Boot tracks where a value came from only for the bound record's own fields). All are
 * bound and checked when the Stripe provider starts. The key is never printed, not even by {@link #toString()}.
 *
 * @param secretKey selects the Stripe provider; blank or unset: the simulated one
 * @param apiBase Stripe's base URL (a Stripe-compatible local server in tests)
 * @param connectTimeout the connect time-out of each attempt
 * @param readTimeout the read time-out of each attempt
 */
@ConfigurationProperties("stripe")
@Validated
record StripeSettings(
        @NotBlank String secretKey,
        @DefaultValue("https://api.stripe.com") @NotBlank String apiBase,
        @DefaultValue("PT5S") @DurationMin(millis = 1) Duration connectTimeout,
        @DefaultValue("PT20S") @DurationMin(millis = 1) Duration readTimeout) {

    /**
     * {@code stripe.retry.*}: how calls are retried (whole numbers: no floating point).
     *
     * @param maxAttempts attempts per call, 1 to 5 (stripe-java's own retries are off)
     * @param initialBackoff the wait after the first failed attempt
     * @param multiplier how many times longer each further wait is
     * @param jitterPercent how far each wait varies at random, either way
     * @param maxBackoff the longest wait
     * @param maxTotal no new attempt starts later than this after the first
     */
    @ConfigurationProperties("stripe.retry")
    @Validated
    record Retry(
            @DefaultValue("5") @Min(1) @Max(5) int maxAttempts,
            @DefaultValue("PT0.5S") @DurationMin(millis = 1) Duration initialBackoff,
            @DefaultValue("2") @Min(1) int multiplier,
            @DefaultValue("50") @Min(0) @Max(100) int jitterPercent,
            @DefaultValue("PT8S") @DurationMin(millis = 1) Duration maxBackoff,
            @DefaultValue("PT30S") @DurationMin(nanos = 0) Duration maxTotal) {

        /** The wait after each failed attempt. */
        Backoff backoff() {
            return Backoff.exponential(initialBackoff, multiplier, maxBackoff).withJitter(jitterPercent);
        }
    }

    /**
     * {@code stripe.circuit-breaker.*}: when the breaker opens (counting only failures worth retrying) and for how long
     * it stays open.
     *
     * @param failureRatePercent the share of failed calls that opens it
     * @param slidingWindowSize how many recent calls it counts
     * @param minimumNumberOfCalls calls counted before it may open
     * @param openDuration how long it stays open
     */
    @ConfigurationProperties("stripe.circuit-breaker")
    @Validated
    record CircuitBreaker(
            @DefaultValue("50") @Min(1) @Max(100) int failureRatePercent,
            @DefaultValue("20") @Min(1) int slidingWindowSize,
            @DefaultValue("10") @Min(1) int minimumNumberOfCalls,
            @DefaultValue("PT30S") @DurationMin(millis = 1) Duration openDuration) {}

    /**
     * {@code stripe.bulkhead.*}: how many Stripe calls (each with its retries) may be under way at once, whoever makes
     * them. A call holds its request's database connection and transaction while it waits on Stripe, so this bounds
     * the connections a slow Stripe can hold: keep it well below {@code spring.datasource.hikari.maximum-pool-size},
     * so reads, other commands and health keep connections of their own. A call that finds no place within
     * {@code max-wait} is not sent and answers 503 {@code provider_unavailable} with {@code Retry-After}.
     *
     * @param maxConcurrentCalls calls under way at once
     * @param maxWait how long a call waits for a place (short: the waiter holds a connection too)
     * @param retryAfter what the refused call's {@code Retry-After} says (rounded up to whole seconds)
     */
    @ConfigurationProperties("stripe.bulkhead")
    @Validated
    record Bulkhead(
            @DefaultValue("8") @Min(1) int maxConcurrentCalls,
            @DefaultValue("PT0.1S") @DurationMin(nanos = 0) Duration maxWait,
            @DefaultValue("PT2S") @DurationMin(seconds = 1) Duration retryAfter) {}

    @Override
    public String toString() {
        return "StripeSettings[secretKey=(hidden), apiBase=" + apiBase + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
