package io.ledger.command.provider;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The simulated provider stands in whenever no real provider is configured. */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    @ConditionalOnMissingBean(PaymentProvider.class)
    SimulatedPaymentProvider simulatedPaymentProvider(
            JdbcClient jdbc,
            Clock clock,
            @Value("${ledger.simulated.processing-delay:PT3S}") Duration processingDelay) {
        return new SimulatedPaymentProvider(jdbc, clock, processingDelay);
    }

    @Bean
    SimulatedAsyncChargeJob simulatedAsyncChargeJob(
            JdbcClient jdbc, TransactionTemplate transaction, CommandGateway commands) {
        return new SimulatedAsyncChargeJob(jdbc, transaction, commands);
    }
}
