package io.ledger.query.audit;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * Delivers events to projections the way their processor does: in batches, each in a unit of work whose prepare-commit
 * step writes what the projections summed in memory (stats buckets, journal balances). The unit of work then rolls
 * back on purpose, so no after-commit step (the live payment feed) ever sees a scratch replay; the database
 * transaction around it is the caller's, who rolls it back too.
 */
final class ScratchFeed {

    static final int BATCH = 500;

    private final List<Delivery> pending = new ArrayList<>(BATCH);
    private long delivered;

    void deliver(List<AnnotationEventHandlerAdapter> projections, EventMessage<?> event) {
        pending.add(new Delivery(projections, event));
        if (pending.size() == BATCH) {
            flush();
        }
    }

    /** Handles the pending deliveries as one batch; call once more after the last delivery. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        DefaultUnitOfWork<EventMessage<?>> batch =
                DefaultUnitOfWork.startAndGet(pending.get(0).event());
        try {
            pending.forEach(delivery -> ProjectionHandlers.handle(delivery.projections(), delivery.event()));
        } catch (RuntimeException e) {
            batch.rollback(e);
            throw e;
        }
        batch.onPrepareCommit(unitOfWork -> {
            throw new BatchWritten();
        });
        try {
            batch.commit();
        } catch (BatchWritten written) {
            // The projections' prepare-commit writes ran; everything after them is skipped.
        }
        delivered += pending.size();
        pending.clear();
    }

    long delivered() {
        return delivered;
    }

    private record Delivery(List<AnnotationEventHandlerAdapter> projections, EventMessage<?> event) {}

    /** Stops a scratch batch right after the projections' own prepare-commit writes. */
    private static final class BatchWritten extends RuntimeException {
        BatchWritten() {
            super("scratch batch written", null, false, false);
        }
    }
}
