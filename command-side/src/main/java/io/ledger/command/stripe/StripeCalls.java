package io.ledger.command.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.ledger.api.retry.Backoff;
import io.ledger.command.provider.ProviderSaturated;
import io.ledger.command.provider.ProviderUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Stripe call goes through here, whoever makes it (the provider, the janitor, a webhook's sync): Resilience4j
 * retries what Stripe documents as safe to retry with the same idempotency key (rate limits, connection errors and
 * timeouts, 5xx) with exponential backoff and jitter ({@link StripeSettings.Retry#backoff()}), at most
 * {@code stripe.retry.max-attempts} attempts and no new attempt later than {@code stripe.retry.max-total} after the
 * first; a circuit breaker stops calling a Stripe that keeps failing. stripe-java's own network retries are off, so
 * these are all the attempts there are. What is still failing afterwards becomes {@link ProviderUnavailable}; any
 * other Stripe error is thrown as it is. A semaphore bulkhead around each call with its retries bounds how many are
 * under way at once ({@link StripeSettings.Bulkhead}): each holds its request's database connection while Stripe
 * answers, so a slow Stripe may not take them all. A call that finds no place in time is never sent
 * ({@link ProviderSaturated}).
 */
final class StripeCalls {

    private static final Logger log = LoggerFactory.getLogger(StripeCalls.class);

    private final RetryConfig retry;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Duration retryAfterSaturation;
    private final Duration maxTotal;
    private final Clock clock;

    StripeCalls(
            StripeSettings.Retry retrying,
            StripeSettings.CircuitBreaker breaking,
            StripeSettings.Bulkhead bounding,
            Clock clock) {
        this.retry = RetryConfig.custom()
                .maxAttempts(retrying.maxAttempts())
                .intervalFunction(intervals(retrying.backoff()))
                .build();
        this.breaker = CircuitBreaker.of(
                "stripe",
                CircuitBreakerConfig.custom()
                        .failureRateThreshold(breaking.failureRatePercent())
                        .slidingWindowSize(breaking.slidingWindowSize())
                        .minimumNumberOfCalls(breaking.minimumNumberOfCalls())
                        .waitDurationInOpenState(breaking.openDuration())
                        .recordException(StripeCalls::retryable)
                        .build());
        this.bulkhead = Bulkhead.of(
                "stripe",
                BulkheadConfig.custom()
                        .maxConcurrentCalls(bounding.maxConcurrentCalls())
                        .maxWaitDuration(bounding.maxWait())
                        .build());
        this.retryAfterSaturation = bounding.retryAfter();
        this.maxTotal = retrying.maxTotal();
        this.clock = clock;
    }

    /** The ledger's one backoff as Resilience4j's wait between attempts (in milliseconds; attempts count from 1). */
    static IntervalFunction intervals(Backoff backoff) {
        return attempt -> backoff.delay(attempt).toMillis();
    }

    /** Runs {@code call}, retried as described above; {@code operation} names it in logs and errors. */
    <T> T call(String operation, StripeCall<T> call) throws StripeException {
        Instant deadline = clock.instant().plus(maxTotal);
        Retry attempts = Retry.of(
                "stripe",
                RetryConfig.from(retry)
                        .retryOnException(e -> retryable(e) && clock.instant().isBefore(deadline))
                        .build());
        attempts.getEventPublisher()
                .onRetry(event -> log.warn(
                        "Stripe call {} failed (attempt {}), retrying in {}: {}",
                        operation,
                        event.getNumberOfRetryAttempts(),
                        event.getWaitInterval(),
                        describe(event.getLastThrowable())));
        try {
            return Bulkhead.decorateCheckedSupplier(
                            bulkhead,
                            Retry.decorateCheckedSupplier(
                                    attempts, CircuitBreaker.decorateCheckedSupplier(breaker, call::run)))
                    .get();
        } catch (BulkheadFullException e) {
            log.warn("Stripe call {} not sent: {}", operation, e.getMessage());
            throw new ProviderSaturated(
                    operation, bulkhead.getBulkheadConfig().getMaxConcurrentCalls(), retryAfterSaturation);
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailable(operation, "circuit breaker open after repeated Stripe failures");
        } catch (StripeException e) {
            if (retryable(e)) {
                throw new ProviderUnavailable(operation, "still failing after retries: " + describe(e));
            }
            throw e;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What may be retried with the same idempotency key: Stripe's {@code Stripe-Should-Retry} header when it sent one
     * (as stripe-java's own retries heed it), else rate limits, network failures and its own 5xx (stripe-java maps
     * every other status to another exception type).
     */
    static boolean retryable(Throwable e) {
        if (e instanceof StripeException stripe
                && stripe.getStripeError() != null
                && stripe.getStripeError().getLastResponse() != null) {
            Optional<String> advice =
                    stripe.getStripeError().getLastResponse().headers().firstValue("Stripe-Should-Retry");
            if (advice.isPresent()) {
                return Boolean.parseBoolean(advice.get());
            }
        }
        return e instanceof RateLimitException || e instanceof ApiConnectionException || e instanceof ApiException;
    }

    /** Stripe's type, code, status and request id: never its message, which may quote the key. */
    static String describe(Throwable e) {
        if (!(e instanceof StripeException stripe)) {
            return e.getClass().getSimpleName();
        }
        String type = stripe.getStripeError() != null ? stripe.getStripeError().getType() : null;
        return e.getClass().getSimpleName() + " status=" + stripe.getStatusCode() + " type=" + type + " code="
                + stripe.getCode() + " request=" + stripe.getRequestId();
    }

    @FunctionalInterface
    interface StripeCall<T> {
        T run() throws StripeException;
    }
}
