package io.ledger.app.eventstore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.SubscribableMessageSource;
import org.springframework.beans.factory.DisposableBean;

/**
 * The event store as the projections' pooled processors read it. A pooled processor that has caught up asks its stream
 * to call it back when events arrive, and looks again only every 500 ms when the stream cannot (the embedded event
 * store's cannot): half of that on average before a read model saw a new payment. These streams call back every
 * {@code interval} instead; the processor then finds the new events in the store's shared cache, or nothing, in
 * memory. A processor behind the head (after a rebuild, or a restart) reads through {@link CatchUpReads}, shared with
 * the other processors behind.
 */
final class PromptEventSource
        implements StreamableMessageSource<TrackedEventMessage<?>>,
                SubscribableMessageSource<EventMessage<?>>,
                DisposableBean {

    /** How far the processors behind the head may drift apart and still share their reads: Axon's own cache size. */
    static final int CATCH_UP_EVENTS = 10_000;

    private final EventStore store;
    private final Duration interval;
    private final CatchUpReads catchUp = new CatchUpReads(CATCH_UP_EVENTS);
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-stream-ticks");
        thread.setDaemon(true);
        return thread;
    });

    PromptEventSource(EventStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
        return new PromptStream(new CatchUpStream(store::openStream, catchUp, token));
    }

    /** A subscribing processor (the audit's command line makes every processor one) hears the store itself. */
    @Override
    public Registration subscribe(Consumer<List<? extends EventMessage<?>>> processor) {
        return store.subscribe(processor);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant at) {
        return store.createTokenAt(at);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void destroy() {
        ticks.shutdownNow();
    }

    /** The store's stream as it is, but for calling back every interval once asked to. */
    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile ScheduledFuture<?> callbacks;

        PromptStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            ScheduledFuture<?> previous = callbacks;
            if (previous != null) {
                previous.cancel(false);
            }
            long millis = interval.toMillis();
            callbacks = ticks.scheduleWithFixedDelay(callback, millis, millis, TimeUnit.MILLISECONDS);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            ScheduledFuture<?> current = callbacks;
            if (current != null) {
                current.cancel(false);
            }
            events.close();
        }
    }
}
