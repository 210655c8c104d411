package io.ledger.command.stripe;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The handler of webhook syncs, with or without a Stripe key: with one it reads through the one client of
 * {@link StripeConfiguration}, without one it goes by the events' own objects.
 */
@Configuration(proxyBeanMethods = false)
class StripeSyncConfiguration {

    @Bean
    StripeObjectSync stripeObjectSync(ObjectProvider<StripeApi> stripe, CommandGateway commands) {
        return new StripeObjectSync(new StripeReads(stripe.getIfAvailable()), commands);
    }
}
