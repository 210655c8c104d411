package io.ledger.app.eventstore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * One processor's stream of the event store that, while it is behind the head, reads through {@link CatchUpReads}:
 * it takes the events another stream already read from the same token, and otherwise reads the next stretch itself
 * (alone, so that the others wait for it and take it too). Once a read finds the head of the store it leaves the share
 * and reads the store's own stream, which follows the newest events from Axon's cache.
 */
final class CatchUpStream implements BlockingStream<TrackedEventMessage<?>> {

    /** Events read in one go for the share: ten of the JDBC engine's fetches. */
    static final int STRETCH = 1000;

    private final Function<TrackingToken, BlockingStream<TrackedEventMessage<?>>> store;
    private final CatchUpReads shared;
    private final ArrayDeque<TrackedEventMessage<?>> pending = new ArrayDeque<>();
    private TrackingToken position;
    private BlockingStream<TrackedEventMessage<?>> own;
    private TrackingToken ownPosition;
    private boolean sharing = true;
    private boolean headSeen;
    private volatile long index;

    /**
     * @param store opens the store's stream after a token (null: from the first event)
     * @param start the token of the last event this stream's reader has seen
     */
    CatchUpStream(
            Function<TrackingToken, BlockingStream<TrackedEventMessage<?>>> store,
            CatchUpReads shared,
            TrackingToken start) {
        this.store = store;
        this.shared = shared;
        this.position = start;
        this.index = indexOf(start);
        shared.join(this);
    }

    /** The global index of the last event handed out (-1 before the first), for the share's streams ahead. */
    long index() {
        return index;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        return fill() ? Optional.of(pending.peek()) : Optional.empty();
    }

    @Override
    public boolean hasNextAvailable() {
        return fill();
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        if (fill()) {
            return true;
        }
        return ownStream().hasNextAvailable(timeout, unit) && fill();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!fill()) {
            ownStream().hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS);
        }
        TrackedEventMessage<?> next = pending.remove();
        position = next.trackingToken();
        index = indexOf(position);
        if (sharing && headSeen && pending.isEmpty() && Objects.equals(position, ownPosition)) {
            stopSharing();
        }
        return next;
    }

    @Override
    public void close() {
        if (sharing) {
            stopSharing();
        }
        closeOwn();
    }

    /** Something to hand out is pending, or is now: from the share, the store read for it, or this stream's own. */
    private boolean fill() {
        if (!pending.isEmpty()) {
            return true;
        }
        if (sharing) {
            List<TrackedEventMessage<?>> kept = shared.after(position);
            if (kept == null) {
                kept = shared.readAlone(this::readStretch);
            }
            if (kept != null) {
                pending.addAll(kept);
                return true;
            }
        }
        BlockingStream<TrackedEventMessage<?>> stream = ownStream();
        if (!stream.hasNextAvailable()) {
            return false;
        }
        TrackedEventMessage<?> next = next(stream);
        ownPosition = next.trackingToken();
        pending.add(next);
        return true;
    }

    /**
     * Reads the next stretch after this stream's position into the share, unless another stream did while this one
     * waited; the events after the position, or null when the store has none yet (this stream then reads on its own).
     */
    private List<TrackedEventMessage<?>> readStretch() {
        List<TrackedEventMessage<?>> found = shared.after(position);
        if (found != null) {
            return found;
        }
        BlockingStream<TrackedEventMessage<?>> stream = ownStream();
        if (stream.hasNextAvailable()) {
            // Only a stream with something to read waits; no other can read into the share meanwhile.
            shared.waitForStreamsBehind(this, STRETCH);
        }
        TrackingToken at = position;
        int read = 0;
        while (read < STRETCH && stream.hasNextAvailable()) {
            List<TrackedEventMessage<?>> next = readOneToken(stream);
            shared.keep(at, next);
            at = next.get(0).trackingToken();
            read += next.size();
        }
        ownPosition = at;
        if (read < STRETCH) {
            // The store had no more: once this stream has handed out what it read, it follows the head on its own.
            headSeen = true;
        }
        if (read == 0) {
            stopSharing();
            return null;
        }
        return shared.after(position);
    }

    /** The next event and any that an upcaster made from the same stored event (they carry the same token). */
    private static List<TrackedEventMessage<?>> readOneToken(BlockingStream<TrackedEventMessage<?>> stream) {
        TrackedEventMessage<?> first = next(stream);
        List<TrackedEventMessage<?>> events = new ArrayList<>(1);
        events.add(first);
        Optional<TrackedEventMessage<?>> more = stream.peek();
        while (more.isPresent() && first.trackingToken().equals(more.get().trackingToken())) {
            events.add(next(stream));
            more = stream.peek();
        }
        return events;
    }

    private static TrackedEventMessage<?> next(BlockingStream<TrackedEventMessage<?>> stream) {
        try {
            return stream.nextAvailable();
        } catch (InterruptedException e) {
            // Only called once the stream said an event is available, so this does not wait.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading an available event", e);
        }
    }

    /** The store's stream, standing at this stream's position: opened again there if it stands elsewhere. */
    private BlockingStream<TrackedEventMessage<?>> ownStream() {
        if (own != null && !Objects.equals(ownPosition, position)) {
            closeOwn();
        }
        if (own == null) {
            own = store.apply(position);
            ownPosition = position;
        }
        return own;
    }

    private void stopSharing() {
        sharing = false;
        shared.leave(this);
    }

    private static long indexOf(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private void closeOwn() {
        if (own != null) {
            own.close();
            own = null;
        }
    }
}
