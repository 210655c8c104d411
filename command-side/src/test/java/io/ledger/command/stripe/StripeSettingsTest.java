package io.ledger.command.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The Stripe client's and the janitor's settings as the application binds them: documented defaults and variables,
 * bad values refused at start; and the waits they make.
 */
class StripeSettingsTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        withEnvironment(Map.of()).run(app -> {
            StripeSettings stripe = app.getBean(StripeSettings.class);
            assertThat(stripe.apiBase()).isEqualTo("https://api.stripe.com");
            assertThat(stripe.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(stripe.readTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(app.getBean(StripeSettings.Retry.class))
                    .isEqualTo(new StripeSettings.Retry(
                            5, Duration.ofMillis(500), 2, 50, Duration.ofSeconds(8), Duration.ofSeconds(30)));
            assertThat(app.getBean(StripeSettings.CircuitBreaker.class))
                    .isEqualTo(new StripeSettings.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30)));
            assertThat(app.getBean(StripeSettings.Bulkhead.class))
                    .isEqualTo(new StripeSettings.Bulkhead(8, Duration.ofMillis(100), Duration.ofSeconds(2)));
            assertThat(app.getBean(JanitorSettings.class))
                    .isEqualTo(new JanitorSettings(
                            Duration.ofSeconds(30),
                            List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)),
                            100,
                            Duration.ofMinutes(5)));
        });
    }

    @Test
    void theDocumentedEnvironmentVariablesBind() {
        withEnvironment(Map.of(
                        "STRIPE_RETRY_MAX_ATTEMPTS", "3",
                        "STRIPE_RETRY_JITTER_PERCENT", "0",
                        "STRIPE_CIRCUIT_BREAKER_OPEN_DURATION", "PT1M",
                        "STRIPE_BULKHEAD_MAX_CONCURRENT_CALLS", "3",
                        "STRIPE_BULKHEAD_MAX_WAIT", "PT0S",
                        "LEDGER_JANITOR_BACKOFF", "2s,1m",
                        "LEDGER_JANITOR_BATCH_SIZE", "5"))
                .run(app -> {
                    StripeSettings.Retry retry = app.getBean(StripeSettings.Retry.class);
                    assertThat(retry.maxAttempts()).isEqualTo(3);
                    assertThat(retry.jitterPercent()).isZero();
                    assertThat(app.getBean(StripeSettings.CircuitBreaker.class).openDuration())
                            .isEqualTo(Duration.ofMinutes(1));
                    assertThat(app.getBean(StripeSettings.Bulkhead.class))
                            .isEqualTo(new StripeSettings.Bulkhead(3, Duration.ZERO, Duration.ofSeconds(2)));
                    JanitorSettings janitor = app.getBean(JanitorSettings.class);
                    assertThat(janitor.backoff()).containsExactly(Duration.ofSeconds(2), Duration.ofMinutes(1));
                    assertThat(janitor.batchSize()).isEqualTo(5);
                });
    }

    /**
     * A refused value is reported with where it came from: the variable (through its origin) for a value that breaks a
     * rule, the property for one that does not parse.
     */
    @ParameterizedTest
    @CsvSource({
        "STRIPE_SECRET_KEY, ' ', STRIPE_SECRET_KEY",
        "STRIPE_READ_TIMEOUT, PT0S, STRIPE_READ_TIMEOUT",
        "STRIPE_RETRY_MAX_ATTEMPTS, 0, STRIPE_RETRY_MAX_ATTEMPTS",
        "STRIPE_RETRY_MAX_ATTEMPTS, 6, STRIPE_RETRY_MAX_ATTEMPTS",
        "STRIPE_RETRY_JITTER_PERCENT, 101, STRIPE_RETRY_JITTER_PERCENT",
        "STRIPE_RETRY_MULTIPLIER, 0, STRIPE_RETRY_MULTIPLIER",
        "STRIPE_RETRY_INITIAL_BACKOFF, half a second, stripe.retry.initial-backoff",
        "STRIPE_CIRCUIT_BREAKER_FAILURE_RATE_PERCENT, 0, STRIPE_CIRCUIT_BREAKER_FAILURE_RATE_PERCENT",
        "STRIPE_BULKHEAD_MAX_CONCURRENT_CALLS, 0, STRIPE_BULKHEAD_MAX_CONCURRENT_CALLS",
        "STRIPE_BULKHEAD_MAX_WAIT, -PT1S, STRIPE_BULKHEAD_MAX_WAIT",
        "STRIPE_BULKHEAD_RETRY_AFTER, PT0.5S, STRIPE_BULKHEAD_RETRY_AFTER",
        // A list's element is named by its index: Spring Boot tracks no origin for it.
        "LEDGER_JANITOR_BACKOFF, '5m,0s', ledger.janitor.backoff[1]",
        "LEDGER_JANITOR_BACKOFF, '', LEDGER_JANITOR_BACKOFF",
        "LEDGER_JANITOR_BATCH_SIZE, 0, LEDGER_JANITOR_BATCH_SIZE",
        "LEDGER_JANITOR_POLL_INTERVAL, -PT30S, LEDGER_JANITOR_POLL_INTERVAL",
        "LEDGER_JANITOR_POLL_INTERVAL, now and then, ledger.janitor.poll-interval"
    })
    void aBadValueStopsTheStartNamingWhereItCameFrom(String variable, String value, String named) {
        withEnvironment(Map.of(variable, value))
                .run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining(named));
    }

    @Test
    void theJanitorLooksAgainByItsStepsTheLastRepeating() {
        JanitorSettings janitor = new JanitorSettings(
                Duration.ofSeconds(30),
                List.of(Duration.ofMinutes(5), Duration.ofHours(1)),
                100,
                Duration.ofMinutes(5));

        assertThat(janitor.schedule().delay(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(janitor.schedule().delay(2)).isEqualTo(Duration.ofHours(1));
        assertThat(janitor.schedule().delay(9)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withoutJitterTheRetriesWaitExactlyAsResilience4jsExponentialBackoff() {
        StripeSettings.Retry retry = new StripeSettings.Retry(
                5, Duration.ofMillis(500), 2, 0, Duration.ofSeconds(8), Duration.ofSeconds(30));
        IntervalFunction ours = StripeCalls.intervals(retry.backoff());
        IntervalFunction theirs = IntervalFunction.ofExponentialBackoff(500, 2, 8_000);

        IntStream.rangeClosed(1, 10)
                .forEach(attempt -> assertThat(ours.apply(attempt))
                        .as("attempt %d", attempt)
                        .isEqualTo(theirs.apply(attempt)));
    }

    @Test
    void withJitterTheRetriesWaitWithinResilience4jsBounds() {
        // The defaults: 0.5 s doubling up to 8 s, varied by up to half either way, the cap holding.
        IntervalFunction waits = StripeCalls.intervals(new StripeSettings.Retry(
                        5, Duration.ofMillis(500), 2, 50, Duration.ofSeconds(8), Duration.ofSeconds(30))
                .backoff());

        IntStream.range(0, 200).forEach(i -> {
            assertThat(waits.apply(1)).isBetween(250L, 750L);
            assertThat(waits.apply(4)).isBetween(2_000L, 6_000L);
            assertThat(waits.apply(5)).isBetween(4_000L, 8_000L);
            assertThat(waits.apply(6)).isEqualTo(8_000L);
        });
    }

    /**
     * A Stripe key and the variables, as the process environment would hold them (Spring Boot's relaxed binding reads
     * them there).
     */
    private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        Map<String, Object> environment = new HashMap<>(Map.of("STRIPE_SECRET_KEY", "sk_test_settings"));
        environment.putAll(variables);
        return context.withInitializer(app -> app.getEnvironment()
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
    }

    @EnableConfigurationProperties({
        StripeSettings.class,
        StripeSettings.Retry.class,
        StripeSettings.CircuitBreaker.class,
        StripeSettings.Bulkhead.class,
        JanitorSettings.class
    })
    static class Enabled {}
}
