package io.ledger.command.stripe;

import com.stripe.StripeClient;
import io.ledger.command.provider.StripeKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Selects Stripe as the payment provider when {@code stripe.secret-key} is set, with its janitor and the janitor's
 * work list. {@code stripe.api-base} (env {@code STRIPE_API_BASE}) points the client elsewhere (a stub in tests).
 * stripe-java's own network retries are off: {@link StripeCalls} retries (at most {@code stripe.retry.max-attempts}
 * attempts, never more than 5) and guards calls with a circuit breaker.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeKey.Configured.class)
class StripeConfiguration {

    @Bean
    StripeCalls stripeCalls(
            Clock clock,
            @Value("${stripe.retry.max-attempts:5}") int maxAttempts,
            @Value("${stripe.retry.initial-backoff:PT0.5S}") Duration initialBackoff,
            @Value("${stripe.retry.multiplier:2}") int multiplier,
            @Value("${stripe.retry.jitter-percent:50}") int jitterPercent,
            @Value("${stripe.retry.max-backoff:PT8S}") Duration maxBackoff,
            @Value("${stripe.retry.max-total:PT30S}") Duration maxTotal,
            @Value("${stripe.circuit-breaker.failure-rate-percent:50}") int failureRatePercent,
            @Value("${stripe.circuit-breaker.sliding-window-size:20}") int slidingWindowSize,
            @Value("${stripe.circuit-breaker.minimum-number-of-calls:10}") int minimumNumberOfCalls,
            @Value("${stripe.circuit-breaker.open-duration:PT30S}") Duration openDuration) {
        return new StripeCalls(
                new StripeCalls.Settings(
                        maxAttempts,
                        initialBackoff,
                        multiplier,
                        jitterPercent,
                        maxBackoff,
                        maxTotal,
                        failureRatePercent,
                        slidingWindowSize,
                        minimumNumberOfCalls,
                        openDuration),
                clock);
    }

    @Bean
    StripePaymentProvider stripePaymentProvider(
            StripeCalls calls,
            @Value("${stripe.secret-key}") String secretKey,
            @Value("${stripe.api-base:https://api.stripe.com}") String apiBase,
            @Value("${stripe.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${stripe.read-timeout:PT20S}") Duration readTimeout) {
        return new StripePaymentProvider(client(secretKey, apiBase, connectTimeout, readTimeout), calls);
    }

    @Bean
    Backoff stripeJanitorBackoff(@Value("${ledger.janitor.backoff:5m,1h,1d}") List<Duration> delays) {
        return new Backoff(delays);
    }

    @Bean
    StripeWorkList stripeWorkList(JdbcClient jdbc, Backoff backoff) {
        return new StripeWorkList(jdbc, backoff);
    }

    /** The work list is written in the command's own unit of work and transaction, never later. */
    @Bean
    ConfigurerModule stripeWorkListInTheCommandsTransaction() {
        return configurer ->
                configurer.eventProcessing().registerSubscribingEventProcessor(StripeWorkList.PROCESSING_GROUP);
    }

    @Bean
    StripeJanitor stripeJanitor(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            CommandGateway commands,
            StripePaymentProvider stripe,
            Backoff backoff,
            Clock clock,
            @Value("${ledger.janitor.batch-size:100}") int batchSize) {
        return new StripeJanitor(jdbc, transaction, commands, stripe, backoff, clock, batchSize);
    }

    /** No network retries of stripe-java's own: every attempt is one of {@link StripeCalls}'. */
    static StripeClient client(String secretKey, String apiBase, Duration connectTimeout, Duration readTimeout) {
        return StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(apiBase)
                .setMaxNetworkRetries(0)
                .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setReadTimeout(Math.toIntExact(readTimeout.toMillis()))
                .build();
    }
}
