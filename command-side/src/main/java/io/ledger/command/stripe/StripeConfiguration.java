package io.ledger.command.stripe;

import io.ledger.api.retry.Backoff;
import io.ledger.command.provider.StripeKey;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code stripe.secret-key} set: the one Stripe client ({@link StripeSettings}, {@link StripeCalls},
 * {@link StripeApi}) and what uses it here, Stripe as the payment provider and as hosted checkout
 * ({@link StripeCheckout}), its janitor ({@link JanitorSettings}) and the
 * janitor's work list. Webhook syncs use the same client ({@link StripeSyncConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeKey.Configured.class)
@EnableConfigurationProperties({
    StripeSettings.class,
    StripeSettings.Retry.class,
    StripeSettings.CircuitBreaker.class,
    StripeSettings.Bulkhead.class,
    JanitorSettings.class
})
class StripeConfiguration {

    @Bean
    StripeCalls stripeCalls(
            StripeSettings.Retry retry,
            StripeSettings.CircuitBreaker circuitBreaker,
            StripeSettings.Bulkhead bulkhead,
            Clock clock) {
        return new StripeCalls(retry, circuitBreaker, bulkhead, clock);
    }

    @Bean
    StripeApi stripeApi(StripeSettings settings, StripeCalls calls) {
        return new StripeApi(StripeApi.client(settings), calls);
    }

    @Bean
    StripePaymentProvider stripePaymentProvider(StripeApi stripe) {
        return new StripePaymentProvider(stripe);
    }

    @Bean
    StripeCustomerProvider stripeCustomerProvider(StripeApi stripe) {
        return new StripeCustomerProvider(stripe);
    }

    @Bean
    StripeCheckout stripeCheckout(StripeApi stripe) {
        return new StripeCheckout(stripe);
    }

    @Bean
    Backoff stripeJanitorBackoff(JanitorSettings janitor) {
        return janitor.schedule();
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
            CommandGateway commands,
            StripeApi stripe,
            Backoff backoff,
            Clock clock,
            JanitorSettings janitor) {
        return new StripeJanitor(
                new Watches(jdbc, backoff, clock, janitor.lease()), commands, stripe, janitor.batchSize());
    }
}
