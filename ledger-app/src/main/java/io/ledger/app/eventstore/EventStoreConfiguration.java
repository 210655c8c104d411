package io.ledger.app.eventstore;

import io.ledger.app.cluster.ClusterSettings;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The event store where the sides meet: Axon's JDBC engine on PostgreSQL with {@code jsonb} payloads, Jackson 3
 * serialization, and event handler failures that stop a processor instead of being skipped.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EventStoreSettings.class, TokenStoreSettings.class})
class EventStoreConfiguration {

    /** Snake-case names, as in the Flyway migration. */
    static final EventSchema EVENT_SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry")
            .snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index")
            .timestampColumn("time_stamp")
            .eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier")
            .sequenceNumberColumn("sequence_number")
            .typeColumn("type")
            .payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision")
            .payloadColumn("payload")
            .metaDataColumn("meta_data")
            .build();

    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    /**
     * PostgreSQL's {@code unique_violation}: another writer appended the same sequence number of the payment first. Axon's
     * default resolver reads vendor error codes, and PostgreSQL's batch appends arrive as a {@code
     * BatchUpdateException} it does not recognize, so the loser's failure was a non-transient storage error (Axon issue
     * 1368); read by the SQLSTATE it is a {@code ConcurrencyException}, answered 409 {@code concurrent_update} or
     * retried by the command gateway (docs/architecture.md, "Several nodes").
     */
    static final String UNIQUE_VIOLATION = "23505";

    static {
        // Axon stores timestamps with millisecond precision; stamp events that way so a payment read back from the
        // store equals the one answered at once.
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventStoreSettings settings) {
        JsonbEventStorageEngine.Builder builder = JsonbEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(EVENT_SCHEMA)
                .dataType(String.class)
                .appendEvents(JsonbStatements::appendEvents)
                .appendSnapshot(JsonbStatements::appendSnapshot)
                .gapTimeout(settings.gapTimeoutMs())
                .maxGapOffset(settings.maxGapOffset())
                .gapCleaningThreshold(settings.gapCleaningThreshold());
        return new JsonbEventStorageEngine(builder);
    }

    /**
     * Axon's embedded event store, as its auto-configuration builds it but for how soon its reader looks again when it
     * found nothing. Axon wakes the reader when a unit of work commits, but a request with an Idempotency-Key commits
     * its events later, with its stored answer, and the reader then waited Axon's default second: most of the
     * projections' lag at a low rate (docs/performance.md).
     */
    @Bean
    EmbeddedEventStore eventStore(
            EventStorageEngine storageEngine,
            org.axonframework.config.Configuration configuration,
            EventStoreSettings settings) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(settings.fetchDelayMs())
                .build();
    }

    /** What the projections' processors read (application.properties names it as their source). */
    @Bean
    PromptEventSource projectionEvents(EventStore eventStore, EventStoreSettings settings) {
        return new PromptEventSource(eventStore, Duration.ofMillis(settings.fetchDelayMs()));
    }

    /**
     * Stored events of an older shape, read as the current events. Axon registers every upcaster bean in {@link
     * org.axonframework.config.Configuration#upcasterChain()}, which the engine above and the audit's replays read
     * through.
     */
    @Bean
    EventUpcaster paymentProcessingStartedUpcaster() {
        return new PaymentProcessingStartedUpcaster();
    }

    /**
     * Events name their revision with shared-api's own {@code EventRevision} (shared-api knows no Axon); Axon's
     * serializers take it from here.
     */
    @Bean
    RevisionResolver revisionResolver() {
        return new EventRevisions();
    }

    /** Axon's JDBC auto-configuration does not see Boot 4's DataSource, so the JDBC pieces are declared here. */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringOwnedConnections(dataSource);
    }

    /**
     * Processors' claims on their segments. A node's claims are its own under its cluster address when it is one of
     * several (its bind address is unique among them, and a node restarted at that address takes its own segments back
     * at once); else under Axon's default, the process's {@code pid@host}.
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer defaultSerializer,
            TokenStoreSettings settings,
            ClusterSettings cluster) {
        JdbcTokenStore.Builder builder = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(defaultSerializer)
                .schema(TOKEN_SCHEMA)
                .claimTimeout(settings.claimTimeout());
        if (cluster.clustered()) {
            builder.nodeId(cluster.bind());
        }
        return builder.build();
    }

    /** Lets Axon's own polymorphic types (ReplayToken's fields after a reset) through Jackson 3's validator. */
    @Bean
    Jackson3SerializerCustomizer axonTypesAllowed() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }

    /**
     * Every unit of work runs in a Spring transaction: a command's events and its side rows commit together (joining
     * the request's transaction when it carries an Idempotency-Key), and a projection's batch commits with its token.
     * Axon's transaction auto-configuration looks for Boot 3's transaction manager and, under Boot 4, leaves Axon
     * with none: every statement then committed on its own.
     */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }

    /**
     * The pooled processors renew an idle segment's claim after a third of {@code ledger.token-store.claim-timeout}
     * (Axon's fixed 5 s would let a claim timeout below that lapse while its owner is alive, and another node take the
     * segment), and, on several nodes, claim no more than their share of the segments ({@code MaxSegmentProvider},
     * from the cluster's configuration); on one node, all of them.
     */
    @Bean
    ConfigurerModule pooledProcessorClaims(TokenStoreSettings settings, ObjectProvider<MaxSegmentProvider> shares) {
        long renewAfter = Math.max(1, settings.claimTimeout().toMillis() / 3);
        MaxSegmentProvider share = shares.getIfAvailable(MaxSegmentProvider::maxShort);
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((config, builder) ->
                        builder.claimExtensionThreshold(renewAfter).maxSegmentProvider(share));
    }

    /** A projection that cannot handle an event stops and retries; it never silently skips the event. */
    @Bean
    ConfigurerModule propagateHandlerErrors() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}
