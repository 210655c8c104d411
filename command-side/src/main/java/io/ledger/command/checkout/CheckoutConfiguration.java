package io.ledger.command.checkout;

import io.ledger.command.payment.PaymentResources;
import io.ledger.command.provider.HostedCheckout;
import io.ledger.command.provider.StripeKey;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hosted checkout ({@link CheckoutSettings}): the sessions' table, the service, its expiry worker, and, with the
 * simulated provider, the ledger's own page. With Stripe, Stripe's adapter supplies the {@link HostedCheckout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckoutSettings.class)
class CheckoutConfiguration {

    /** Bound before any bean here is made, so a bad setting is reported as such before the job's schedule reads it. */
    private final CheckoutSettings settings;

    CheckoutConfiguration(CheckoutSettings settings) {
        this.settings = settings;
    }

    @Bean
    CheckoutSessions checkoutSessions(JdbcClient jdbc) {
        return new CheckoutSessions(jdbc);
    }

    @Bean
    Checkout checkout(
            CommandGateway commands,
            CheckoutSessions sessions,
            HostedCheckout hosted,
            PaymentResources payments,
            Clock clock) {
        return new Checkout(commands, sessions, hosted, payments, clock, settings.expiresAfter());
    }

    @Bean
    CheckoutExpiryJob checkoutExpiryJob(
            CheckoutSessions sessions,
            HostedCheckout hosted,
            PaymentResources payments,
            CommandGateway commands,
            Clock clock) {
        return new CheckoutExpiryJob(sessions, hosted, payments, commands, clock, settings.lease());
    }

    /** With the simulated provider the page is the ledger's own. */
    @Bean
    @Conditional(StripeKey.Missing.class)
    SimulatedCheckout simulatedCheckout() {
        return new SimulatedCheckout();
    }
}
