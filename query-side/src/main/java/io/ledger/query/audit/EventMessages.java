package io.ledger.query.audit;

import java.time.Instant;
import java.util.Collections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Stored event rows as the messages a processor would deliver: payload and metadata deserialized by the event
 * serializer, the global index as a tracking token (the journal records it).
 */
@Component
class EventMessages {

    private final Serializer serializer;

    EventMessages(@Qualifier("eventSerializer") Serializer serializer) {
        this.serializer = serializer;
    }

    TrackedEventMessage<?> of(StoredEvent event) {
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                event.payload(), String.class, event.payloadType(), event.payloadRevision()));
        MetaData metaData = event.metaData() == null
                ? MetaData.emptyInstance()
                : serializer.deserialize(
                        new SimpleSerializedObject<>(event.metaData(), String.class, MetaData.class.getName(), null));
        return new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(event.globalIndex(), Collections.emptySet()),
                new GenericDomainEventMessage<>(
                        event.type(),
                        event.aggregateIdentifier(),
                        event.sequenceNumber(),
                        payload,
                        metaData,
                        event.eventIdentifier(),
                        Instant.parse(event.timeStamp())));
    }
}
