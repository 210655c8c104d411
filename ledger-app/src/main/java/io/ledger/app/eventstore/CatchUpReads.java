package io.ledger.app.eventstore;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The stretch of the event store that processors behind its head are reading, shared between them. After a rebuild or
 * a restart every read model's processor reads the same events; each used to fetch them from PostgreSQL and
 * deserialize payload and metadata itself. Here the first processor to need a stretch reads it, and the others take
 * the same message objects, deserialized once.
 *
 * <p>Events are kept under the token that precedes them, as Axon's cache of the newest events does: a stream takes them
 * only when it stands at exactly that token (same index, same gaps), so it gets what it would have read itself a
 * moment earlier. At most {@code capacity} events are kept, the oldest dropped first, and only while some stream is
 * catching up: a stream that falls further behind than that reads for itself. The read models' processors differ in
 * speed by a factor of four, so the fast ones would soon drop what the slow ones still need and all would read the
 * store again: a stream about to read a stretch first waits, a little, for the streams that would lose events to it.
 */
final class CatchUpReads {

    /** The longest a stream about to read waits, per stretch, for the streams behind it. */
    static final long MOST_WAIT_MILLIS = 250;

    /** The key of the events that follow no token at all: a stream from the store's first event. */
    private static final Object FIRST = new Object();

    private final int capacity;
    private final Map<Object, List<TrackedEventMessage<?>>> following = new ConcurrentHashMap<>();
    private final Queue<Object> keptInOrder = new ArrayDeque<>();
    private final ReentrantLock reading = new ReentrantLock();
    private final Set<CatchUpStream> behind = ConcurrentHashMap.newKeySet();

    CatchUpReads(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The events that follow {@code position}, in order, or null when none are kept. Several events follow one token
     * only when an upcaster made them out of one stored event; they carry the same token.
     */
    List<TrackedEventMessage<?>> after(TrackingToken position) {
        return following.get(key(position));
    }

    /**
     * Runs {@code read} while no other stream reads into this share, so that one stream reads a stretch and the others
     * wait for it instead of reading it too.
     */
    <T> T readAlone(Supplier<T> read) {
        reading.lock();
        try {
            return read.get();
        } finally {
            reading.unlock();
        }
    }

    /** Keeps {@code events} (one token's) as what follows {@code position}; only inside {@link #readAlone}. */
    void keep(TrackingToken position, List<TrackedEventMessage<?>> events) {
        Object key = key(position);
        if (following.putIfAbsent(key, events) == null) {
            keptInOrder.add(key);
            while (keptInOrder.size() > capacity) {
                following.remove(keptInOrder.remove());
            }
        }
    }

    /** A stream starts catching up. */
    void join(CatchUpStream stream) {
        behind.add(stream);
    }

    /** A stream has caught up, or closed: once none is left behind the head, nothing is kept. */
    void leave(CatchUpStream stream) {
        readAlone(() -> {
            if (behind.remove(stream) && behind.isEmpty()) {
                following.clear();
                keptInOrder.clear();
            }
            return null;
        });
    }

    /**
     * Before {@code reader} reads the next stretch into the share (only inside {@link #readAlone}): waits,
     * at most {@link #MOST_WAIT_MILLIS} in all, while another stream that still reads from the share stands so far back
     * that the stretch would drop events it has not taken. A stream further back than the share reaches reads for
     * itself anyway and is not waited for.
     */
    void waitForStreamsBehind(CatchUpStream reader, int stretch) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MOST_WAIT_MILLIS);
        while (wouldLoseEvents(reader, stretch) && System.nanoTime() < until) {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
    }

    private boolean wouldLoseEvents(CatchUpStream reader, int stretch) {
        long reach = reader.index() - capacity;
        long keptAfterTheStretch = reach + 2L * stretch;
        for (CatchUpStream stream : behind) {
            long at = stream.index();
            if (stream != reader && at >= reach && at < keptAfterTheStretch) {
                return true;
            }
        }
        return false;
    }

    int kept() {
        return following.size();
    }

    private static Object key(TrackingToken position) {
        return position == null ? FIRST : position;
    }
}
