package io.ledger.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.eventhandling.GenericEventMessage.asEventMessage;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

/**
 * Processors behind the head share their reads of the event store, and each still gets exactly what its own stream of
 * the store would have given it: the same events, in order, with the same tokens.
 */
class CatchUpStreamTest {

    private final Store store = new Store();
    private final CatchUpReads shared = new CatchUpReads(PromptEventSource.CATCH_UP_EVENTS);

    @Test
    void fourProcessorsReplayingTogetherReadTheStoreOnceAndEachGetsEveryEventInOrder() throws Exception {
        store.append(2_500);
        List<CatchUpStream> streams = List.of(open(null), open(null), open(null), open(null));

        List<List<TrackedEventMessage<?>>> delivered = readInTurns(streams);

        for (List<TrackedEventMessage<?>> events : delivered) {
            assertThat(events).containsExactlyElementsOf(store.events);
        }
        assertThat(store.read).hasValue(2_500);
        assertThat(shared.kept())
                .as("nothing kept once every stream has reached the head")
                .isZero();
    }

    @Test
    void aProcessorThatCaughtUpFollowsTheNewEventsOnItsOwnStream() throws Exception {
        store.append(1_200);
        List<CatchUpStream> streams = List.of(open(null), open(null));
        readInTurns(streams);
        int readBefore = store.read.get();

        store.append(3);

        for (CatchUpStream stream : streams) {
            assertThat(stream.hasNextAvailable()).isTrue();
            List<TrackedEventMessage<?>> next =
                    List.of(stream.nextAvailable(), stream.nextAvailable(), stream.nextAvailable());
            assertThat(next).containsExactlyElementsOf(store.events.subList(1_200, 1_203));
            assertThat(stream.hasNextAvailable()).isFalse();
        }
        assertThat(store.read.get() - readBefore)
                .as("each reads the new events from its own stream")
                .isEqualTo(6);
    }

    @Test
    void aCaughtUpStreamAskedToWaitAnswersWhetherAnEventArrived() throws Exception {
        store.append(1_200);
        CatchUpStream stream = open(null);
        drain(stream);

        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isFalse();
        store.append(1);

        assertThat(stream.hasNextAvailable(10, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(stream.nextAvailable()).isSameAs(store.events.get(1_200));
        assertThat(shared.kept()).isZero();
    }

    @Test
    void aStreamAtTheSameIndexWithOtherGapsTakesNothingKeptForTheOthers() throws Exception {
        store.append(2_000);
        CatchUpStream first = open(null);
        for (int i = 0; i < 1_500; i++) {
            first.nextAvailable();
        }
        TrackingToken withAGap = GapAwareTrackingToken.newInstance(1_000, new TreeSet<>(Set.of(500L)));

        CatchUpStream other = open(withAGap);
        TrackedEventMessage<?> next = other.nextAvailable();

        assertThat(next.getPayload()).isEqualTo("event 1001");
        assertThat(next.trackingToken())
                .as("the store's token for this stream, which still waits for event 500")
                .isEqualTo(((GapAwareTrackingToken) withAGap).advanceTo(1_001, 10_000));
        assertThat(next).isNotSameAs(store.events.get(1_000));
    }

    @Test
    void aStreamFallenFurtherBehindThanTheShareKeepsReadsForItselfAndMissesNothing() throws Exception {
        CatchUpReads small = new CatchUpReads(1_500);
        store.append(5_000);
        CatchUpStream ahead = fromTheStart(small);
        CatchUpStream behind = fromTheStart(small);

        List<TrackedEventMessage<?>> aheadGot = drain(ahead);
        List<TrackedEventMessage<?>> behindGot = drain(behind);

        assertThat(aheadGot).containsExactlyElementsOf(store.events);
        assertThat(behindGot).containsExactlyElementsOf(store.events);
        assertThat(store.read.get()).isGreaterThan(5_000);
    }

    @Test
    void aStreamAheadWaitsForOneThatWouldOtherwiseLoseEventsSoTheStoreIsReadOnce() throws Exception {
        CatchUpReads small = new CatchUpReads(3_000);
        store.append(10_000);
        CatchUpStream fast = fromTheStart(small);
        CatchUpStream slow = fromTheStart(small);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            Future<List<TrackedEventMessage<?>>> fastGot = readers.submit(() -> drain(fast));
            Future<List<TrackedEventMessage<?>>> slowGot = readers.submit(() -> drain(slow, 100));

            assertThat(fastGot.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(store.events);
            assertThat(slowGot.get(30, TimeUnit.SECONDS)).containsExactlyElementsOf(store.events);
        } finally {
            readers.shutdownNow();
        }
        assertThat(store.read.get())
                .as("without the wait the fast stream drops most of what the slow one needs, which reads it again")
                .isLessThan(12_000);
    }

    @Test
    void aStreamThatStopsReadingHoldsTheOthersBackOnlyBriefly() {
        CatchUpReads small = new CatchUpReads(3_000);
        store.append(10_000);
        CatchUpStream reading = fromTheStart(small);
        fromTheStart(small);

        List<TrackedEventMessage<?>> got = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> drain(reading));

        assertThat(got).containsExactlyElementsOf(store.events);
    }

    @Test
    void eventsAnUpcasterMadeFromOneStoredEventReachEveryStreamTogether() throws Exception {
        store.append(10);
        store.appendTwoWithOneToken();
        store.append(10);
        List<CatchUpStream> streams = List.of(open(null), open(null), open(null));

        List<List<TrackedEventMessage<?>>> delivered = readInTurns(streams);

        for (List<TrackedEventMessage<?>> events : delivered) {
            assertThat(events).containsExactlyElementsOf(store.events);
        }
        assertThat(store.read).hasValue(store.events.size());
    }

    private CatchUpStream open(TrackingToken after) {
        return new CatchUpStream(store::open, shared, after);
    }

    private CatchUpStream fromTheStart(CatchUpReads share) {
        return new CatchUpStream(store::open, share, null);
    }

    /** Each stream takes one event in turn, as processors of about the same speed would, until none has any left. */
    private static List<List<TrackedEventMessage<?>>> readInTurns(List<CatchUpStream> streams)
            throws InterruptedException {
        List<List<TrackedEventMessage<?>>> delivered = new ArrayList<>();
        streams.forEach(stream -> delivered.add(new ArrayList<>()));
        boolean any = true;
        while (any) {
            any = false;
            for (int i = 0; i < streams.size(); i++) {
                if (streams.get(i).hasNextAvailable()) {
                    delivered.get(i).add(streams.get(i).nextAvailable());
                    any = true;
                }
            }
        }
        return delivered;
    }

    private static List<TrackedEventMessage<?>> drain(CatchUpStream stream) throws InterruptedException {
        return drain(stream, 0);
    }

    /** Every event the stream has; with {@code pauseEvery} above 0, as a slower processor: a pause every so many. */
    private static List<TrackedEventMessage<?>> drain(CatchUpStream stream, int pauseEvery)
            throws InterruptedException {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        while (stream.hasNextAvailable()) {
            events.add(stream.nextAvailable());
            if (pauseEvery > 0 && events.size() % pauseEvery == 0) {
                Thread.sleep(1);
            }
        }
        return events;
    }

    /** An event store in memory whose streams behave as the JDBC engine's: each event after the opening token. */
    private static final class Store {

        final List<TrackedEventMessage<?>> events = new CopyOnWriteArrayList<>();
        final AtomicInteger read = new AtomicInteger();

        void append(int count) {
            for (int i = 0; i < count; i++) {
                long index = events.isEmpty()
                        ? 1
                        : events.get(events.size() - 1)
                                        .trackingToken()
                                        .position()
                                        .getAsLong()
                                + 1;
                events.add(event(index, "event " + index));
            }
        }

        /** Two events under one token, as an upcaster that splits a stored event makes them. */
        void appendTwoWithOneToken() {
            long index =
                    events.get(events.size() - 1).trackingToken().position().getAsLong() + 1;
            events.add(event(index, "event " + index + " a"));
            events.add(event(index, "event " + index + " b"));
        }

        private static TrackedEventMessage<?> event(long index, String payload) {
            return new GenericTrackedEventMessage<>(
                    GapAwareTrackingToken.newInstance(index, Collections.emptySortedSet()), asEventMessage(payload));
        }

        BlockingStream<TrackedEventMessage<?>> open(TrackingToken after) {
            return new StoreStream(after);
        }

        private final class StoreStream implements BlockingStream<TrackedEventMessage<?>> {

            private final GapAwareTrackingToken opening;
            private int next;

            StoreStream(TrackingToken after) {
                this.opening = (GapAwareTrackingToken) after;
                long position = after == null ? 0 : after.position().getAsLong();
                while (next < events.size()
                        && events.get(next).trackingToken().position().getAsLong() <= position) {
                    next++;
                }
            }

            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return next < events.size() ? Optional.of(message(next)) : Optional.empty();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                return next < events.size();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() {
                read.incrementAndGet();
                return message(next++);
            }

            /** A stream opened at a token with gaps keeps waiting for them: its tokens carry them on. */
            private TrackedEventMessage<?> message(int at) {
                TrackedEventMessage<?> stored = events.get(at);
                if (opening == null || opening.getGaps().isEmpty()) {
                    return stored;
                }
                long index = stored.trackingToken().position().getAsLong();
                return new GenericTrackedEventMessage<>(opening.advanceTo(index, 10_000), stored);
            }

            @Override
            public void close() {}
        }
    }
}
