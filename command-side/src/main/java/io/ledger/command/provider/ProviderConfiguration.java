package io.ledger.command.provider;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The simulated provider stands in whenever no Stripe key is configured (see {@link StripeKey}). */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeKey.Missing.class)
@EnableConfigurationProperties(SimulatedSettings.class)
class ProviderConfiguration {

    /** Bound before any bean here is made, so a bad setting is reported as such before the job's schedule reads it. */
    private final SimulatedSettings settings;

    ProviderConfiguration(SimulatedSettings settings) {
        this.settings = settings;
    }

    @Bean
    SimulatedPaymentProvider simulatedPaymentProvider(JdbcClient jdbc, Clock clock) {
        return new SimulatedPaymentProvider(jdbc, clock, settings.processingDelay());
    }

    @Bean
    SimulatedCustomerProvider simulatedCustomerProvider() {
        return new SimulatedCustomerProvider();
    }

    @Bean
    SimulatedAsyncChargeJob simulatedAsyncChargeJob(JdbcClient jdbc, CommandGateway commands, Clock clock) {
        return new SimulatedAsyncChargeJob(jdbc, commands, clock, settings.lease());
    }

    @Bean
    SimulatedChargeEnd simulatedChargeEnd(JdbcClient jdbc) {
        return new SimulatedChargeEnd(jdbc);
    }

    /** A failure ends the simulated charge in its own unit of work and transaction. */
    @Bean
    ConfigurerModule simulatedChargeEndInTheCommandsTransaction() {
        return configurer ->
                configurer.eventProcessing().registerSubscribingEventProcessor(SimulatedChargeEnd.PROCESSING_GROUP);
    }
}
