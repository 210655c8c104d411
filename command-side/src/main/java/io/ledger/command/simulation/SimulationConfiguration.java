package io.ledger.command.simulation;

import io.ledger.command.payment.PaymentResources;
import io.ledger.command.provider.StripeKey;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The simulation of the simulated provider's reports, there only with the simulated provider (see {@link StripeKey}):
 * with Stripe, Stripe alone says what happened to a payment.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(StripeKey.Missing.class)
@EnableConfigurationProperties(SimulationSettings.class)
class SimulationConfiguration {

    @Bean
    Simulation simulation(PaymentResources resources, EventStore events, CommandGateway commands, Clock clock) {
        return new Simulation(resources, events, commands, clock);
    }
}
