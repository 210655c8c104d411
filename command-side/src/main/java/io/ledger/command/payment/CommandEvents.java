package io.ledger.command.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * The events a command sent from this thread stored, as the event bus handed them to the store: a new payment's answer
 * is folded from them instead of being read back and deserialized again (a twentieth of a create's CPU, JFR, see
 * docs/performance.md). Axon's simple command bus runs a command on the sending thread and stores its events before
 * the send returns; where a command runs elsewhere (on several nodes: on the node that owns its payment) nothing is
 * recorded here, and the answer is read from the store, where that node committed the events before it answered.
 */
@Component
class CommandEvents implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ThreadLocal<List<DomainEventMessage<?>>> RECORDING = new ThreadLocal<>();

    CommandEvents(EventBus events) {
        events.registerDispatchInterceptor(this);
    }

    /** What the command answered, and the events stored while it ran on this thread. */
    record Recorded<T>(T answer, List<DomainEventMessage<?>> events) {}

    <T> Recorded<T> record(Supplier<T> command) {
        List<DomainEventMessage<?>> stored = new ArrayList<>();
        RECORDING.set(stored);
        try {
            return new Recorded<>(command.get(), List.copyOf(stored));
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<DomainEventMessage<?>> stored = RECORDING.get();
        if (stored != null) {
            messages.stream()
                    .filter(DomainEventMessage.class::isInstance)
                    .forEach(message -> stored.add((DomainEventMessage<?>) message));
        }
        return (index, message) -> message;
    }
}
