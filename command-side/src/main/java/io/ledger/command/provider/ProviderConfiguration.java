package io.ledger.command.provider;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The simulated provider stands in whenever no Stripe key is configured (see {@link StripeKey}). */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    @Conditional(StripeKey.Missing.class)
    SimulatedPaymentProvider simulatedPaymentProvider(
            JdbcClient jdbc,
            Clock clock,
            @Value("${ledger.simulated.processing-delay:PT3S}") Duration processingDelay) {
        return new SimulatedPaymentProvider(jdbc, clock, processingDelay);
    }

    @Bean
    @Conditional(StripeKey.Missing.class)
    SimulatedAsyncChargeJob simulatedAsyncChargeJob(
            JdbcClient jdbc, TransactionTemplate transaction, CommandGateway commands) {
        return new SimulatedAsyncChargeJob(jdbc, transaction, commands);
    }

    @Bean
    @Conditional(StripeKey.Missing.class)
    SimulatedChargeEnd simulatedChargeEnd(JdbcClient jdbc) {
        return new SimulatedChargeEnd(jdbc);
    }

    /** A failure ends the simulated charge in its own unit of work and transaction. */
    @Bean
    @Conditional(StripeKey.Missing.class)
    ConfigurerModule simulatedChargeEndInTheCommandsTransaction() {
        return configurer ->
                configurer.eventProcessing().registerSubscribingEventProcessor(SimulatedChargeEnd.PROCESSING_GROUP);
    }
}
