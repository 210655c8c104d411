package io.ledger.app.eventstore;

import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import java.util.Objects;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code PaymentProcessingStarted} as stored before its revision 2, when one event told the provider's
 * processing from the ledger's own guess by a flag {@code outcomeUnknown}. With the flag true, or without it (events
 * stored before the flag existed were all read as guesses: the rule they were written under), the event is a {@link
 * PaymentOutcomeUnknown}; with the flag false it is revision 2 of the processing event. The flag itself is dropped.
 */
final class PaymentProcessingStartedUpcaster extends SingleEventUpcaster {

    static final String FLAG = "outcomeUnknown";

    private static final String STORED_TYPE = PaymentProcessingStarted.class.getName();
    private static final SerializedType PROCESSING = new SimpleSerializedType(STORED_TYPE, "2");
    private static final SerializedType OUTCOME_UNKNOWN =
            new SimpleSerializedType(PaymentOutcomeUnknown.class.getName(), null);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        SerializedType type = event.getType();
        return STORED_TYPE.equals(type.getName()) && Objects.isNull(type.getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        JsonNode flag = event.getData(ObjectNode.class).getData().get(FLAG);
        boolean providersWord = flag != null && flag.isBoolean() && !flag.booleanValue();
        return event.upcastPayload(providersWord ? PROCESSING : OUTCOME_UNKNOWN, ObjectNode.class, payload -> {
            payload.remove(FLAG);
            return payload;
        });
    }
}
