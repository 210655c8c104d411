package io.ledger.app.eventstore;

import io.ledger.api.event.EventRevision;
import org.axonframework.serialization.RevisionResolver;

/** The revision Axon stores beside a payload: what shared-api's {@link EventRevision} says (shared-api knows no Axon). */
final class EventRevisions implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
