package io.ledger.command;

import io.ledger.api.customer.CustomerCommand;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.command.dispatch.CommandRetries;
import io.ledger.command.dispatch.CommandRetrySettings;
import io.ledger.command.metadata.CommandMetadata;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The command side: switched off with {@code ledger.command-side.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ledger.command-side", name = "enabled", matchIfMissing = true)
@ComponentScan
@EnableConfigurationProperties(CommandRetrySettings.class)
public class CommandSideConfiguration {

    /**
     * Names the aggregate a command is for: a payment command's payment, a customer command's customer (its stream's
     * key); shared-api stays free of Axon annotations.
     */
    @Bean
    CommandTargetResolver paymentCommandTargetResolver() {
        return command -> {
            Object payload = command.getPayload();
            if (payload instanceof CustomerCommand customer) {
                return new VersionedAggregateIdentifier(customer.key().value(), null);
            }
            return new VersionedAggregateIdentifier(
                    ((PaymentCommand) payload).paymentId().value(), null);
        };
    }

    @Bean
    CommandRetries commandRetries(CommandRetrySettings settings) {
        return new CommandRetries(settings);
    }

    /**
     * Commands get their metadata here, on the dispatching node and thread (the request's id and caller); they travel
     * with the command to whichever node handles it. Lost races and lost nodes are retried ({@link CommandRetries}).
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, CommandRetries retries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(CommandMetadata.defaults())
                .retryScheduler(retries)
                .build();
    }

    @Bean
    CorrelationDataProvider commandMetadataCorrelation() {
        return CommandMetadata.correlationDataProvider();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
