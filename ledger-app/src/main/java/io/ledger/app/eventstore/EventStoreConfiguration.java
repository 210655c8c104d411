package io.ledger.app.eventstore;

import java.time.Clock;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The event store where the sides meet: Axon's JDBC engine on PostgreSQL with {@code jsonb} payloads, Jackson 3
 * serialization, and event handler failures that stop a processor instead of being skipped.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    static {
        // Axon stores timestamps with millisecond precision; stamp events that way so a payment read back from the
        // store equals the one answered at once.
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            @Value("${ledger.event-store.gap-timeout-ms:60000}") int gapTimeout,
            @Value("${ledger.event-store.max-gap-offset:10000}") int maxGapOffset,
            @Value("${ledger.event-store.gap-cleaning-threshold:250}") int gapCleaningThreshold) {
        JsonbEventStorageEngine.Builder builder = JsonbEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .dataType(String.class)
                .appendEvents(JsonbStatements::appendEvents)
                .appendSnapshot(JsonbStatements::appendSnapshot)
                .gapTimeout(gapTimeout)
                .maxGapOffset(maxGapOffset)
                .gapCleaningThreshold(gapCleaningThreshold);
        return new JsonbEventStorageEngine(builder);
    }

    /** Lets Axon's own polymorphic types (ReplayToken's fields after a reset) through Jackson 3's validator. */
    @Bean
    Jackson3SerializerCustomizer axonTypesAllowed() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }

    /** A projection that cannot handle an event stops and retries; it never silently skips the event. */
    @Bean
    ConfigurerModule propagateHandlerErrors() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}
