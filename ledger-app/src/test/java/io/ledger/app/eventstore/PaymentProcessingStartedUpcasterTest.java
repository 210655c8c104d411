package io.ledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stored shapes of PaymentProcessingStarted read as the events they mean today. */
class PaymentProcessingStartedUpcasterTest {

    private static final PaymentId PAYMENT = PaymentId.of("pay_Upcast000000000000000001");
    private static final String PROCESSING_STARTED = PaymentProcessingStarted.class.getName();

    private final Serializer serializer =
            Jackson3Serializer.builder().revisionResolver(new EventRevisions()).build();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new PaymentProcessingStartedUpcaster());

    @ParameterizedTest
    @ValueSource(strings = {", \"outcomeUnknown\": true", "", ", \"outcomeUnknown\": null"})
    void aStoredGuessOrAnEventFromBeforeTheFlagIsAnUnknownOutcome(String flag) {
        Object event = read(PROCESSING_STARTED, null, """
                {"paymentId": "%s", "providerPaymentId": "pi_1", "paymentMethod": "pm_card_visa"%s}
                """.formatted(PAYMENT.value(), flag));

        assertThat(event).isEqualTo(new PaymentOutcomeUnknown(PAYMENT, "pi_1", "pm_card_visa"));
    }

    @Test
    void aStoredProcessingTheProviderReportedStaysProcessingWithoutTheFlag() {
        Object event = read(PROCESSING_STARTED, null, """
                {"paymentId": "%s", "providerPaymentId": "pi_1", "paymentMethod": null, "outcomeUnknown": false}
                """.formatted(PAYMENT.value()));

        assertThat(event).isEqualTo(new PaymentProcessingStarted(PAYMENT, "pi_1", null));
    }

    @Test
    void theCurrentRevisionIsReadAsItIs() {
        SerializedObject<String> stored =
                serializer.serialize(new PaymentProcessingStarted(PAYMENT, "pi_1", "pm_card_processing"), String.class);

        assertThat(stored.getType().getRevision())
                .as("the revision Axon stores")
                .isEqualTo("2");
        assertThat(read(PROCESSING_STARTED, "2", stored.getData()))
                .isEqualTo(new PaymentProcessingStarted(PAYMENT, "pi_1", "pm_card_processing"));
    }

    @Test
    void otherEventsPassUnchanged() {
        Object event = read(PaymentCanceled.class.getName(), null, """
                {"paymentId": "%s", "reason": "abandoned"}
                """.formatted(PAYMENT.value()));

        assertThat(event).isEqualTo(new PaymentCanceled(PAYMENT, "abandoned"));
    }

    /** A stored row's payload read the way the event store and the audit's replays read it. */
    private Object read(String payloadType, String revision, String payload) {
        TrackedDomainEventData<String> row = new TrackedDomainEventData<>(
                GapAwareTrackingToken.newInstance(7, Collections.emptySet()),
                new GenericDomainEventEntry<>(
                        "Payment",
                        PAYMENT.value(),
                        1,
                        "event-1",
                        "2026-11-22T09:12:24.123Z",
                        payloadType,
                        revision,
                        payload,
                        "{}"));
        List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(
                        Stream.of(row), serializer, upcasters)
                .toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }
}
