package io.ledger.query.audit;

import java.util.Collections;
import java.util.stream.Stream;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Stored event rows as the messages a processor would deliver: through the event store's upcaster chain (so an event
 * stored in an older shape reads as the event store reads it), payload and metadata deserialized by the event
 * serializer, the global index as a tracking token (the journal records it). The rows themselves stay as stored.
 */
@Component
class EventMessages {

    /** Rows written by Axon always have metadata; the column allows none, read as empty. */
    private static final String NO_METADATA = "{}";

    private final Serializer serializer;
    private final EventUpcaster upcasters;

    EventMessages(@Qualifier("eventSerializer") Serializer serializer, Configuration axon) {
        this.serializer = serializer;
        this.upcasters = axon.upcasterChain();
    }

    TrackedEventMessage<?> of(StoredEvent event) {
        TrackedDomainEventData<String> stored = new TrackedDomainEventData<>(
                GapAwareTrackingToken.newInstance(event.globalIndex(), Collections.emptySet()),
                new GenericDomainEventEntry<>(
                        event.type(),
                        event.aggregateIdentifier(),
                        event.sequenceNumber(),
                        event.eventIdentifier(),
                        event.timeStamp(),
                        event.payloadType(),
                        event.payloadRevision(),
                        event.payload(),
                        event.metaData() == null ? NO_METADATA : event.metaData()));
        return EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(stored), serializer, upcasters)
                .reduce((first, second) -> {
                    throw new IllegalStateException("event " + event.eventIdentifier() + " upcasts to several events");
                })
                .orElseThrow(() -> new IllegalStateException("event " + event.eventIdentifier() + " upcasts to none"));
    }
}
