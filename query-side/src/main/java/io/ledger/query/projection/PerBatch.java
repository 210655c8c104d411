package io.ledger.query.projection;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A projection's changes of one processor batch, gathered in memory and written once, just before the batch commits:
 * in its transaction, with the processor's token, one statement per table and batch rather than one per event. The
 * buffer is a resource of the batch's unit of work, so a batch that rolls back takes its unwritten changes with it and
 * its retry starts from an empty buffer. Outside a unit of work every change is written at once.
 *
 * @param <B> the buffer: what the projection's handlers add to and {@code write} empties into the tables
 */
public final class PerBatch<B> {

    private final String key;
    private final Supplier<B> create;
    private final Consumer<B> write;

    /**
     * @param owner names the buffer within a unit of work (one buffer per owner and batch)
     * @param create a new, empty buffer
     * @param write writes a buffer's changes and leaves it empty (it may be called again on the same buffer)
     */
    public PerBatch(Class<?> owner, Supplier<B> create, Consumer<B> write) {
        this.key = PerBatch.class.getName() + "." + owner.getName();
        this.create = create;
        this.write = write;
    }

    /** Adds a change to the current batch's buffer. */
    public void add(Consumer<B> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            B alone = create.get();
            change.accept(alone);
            write.accept(alone);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        B buffer = batch.getOrComputeResource(key, name -> {
            B created = create.get();
            batch.onPrepareCommit(committing -> write.accept(created));
            return created;
        });
        change.accept(buffer);
    }
}
