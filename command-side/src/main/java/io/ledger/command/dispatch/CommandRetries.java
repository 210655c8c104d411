package io.ledger.command.dispatch;

import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.retry.Backoff;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.CommandBusConnectorCommunicationException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The command gateway's retries, bounded and with backoff, of the failures a second attempt can cure and nothing else
 * (a broken rule is answered at once):
 *
 * <ul>
 *   <li>a lost race for the payment ({@link ConcurrencyException}): another writer appended the same sequence number
 *       first, from another node (while the nodes disagree on who owns the payment) or from a request of this one whose
 *       transaction committed after Axon's lock was released. The loser stored nothing; the retry reads the payment
 *       again and decides anew (a repeated fact is then a no-op).
 *   <li>the node that handled the command went away before it answered, or could not be reached ({@link
 *       CommandBusConnectorCommunicationException}, {@link CommandDispatchException}): the retry goes to the payment's
 *       new owner. Whatever the lost node may have stored makes the retry a no-op (ids derived from the
 *       Idempotency-Key, repeated facts); provider calls repeat with their idempotency keys.
 * </ul>
 *
 * <p>A failed attempt that ran inside the caller's own transaction (a request with an Idempotency-Key, the inbox
 * worker's, a sync's nested command handled on this node) is not retried: PostgreSQL aborted that transaction with the
 * failed append, so only the caller can try again (a request answers 409 {@code concurrent_update}). Such an attempt
 * reports its failure on the caller's thread, inside that transaction; one handled on another node reports on the
 * connector's thread, where no transaction is active, and the caller's transaction is intact.
 */
public final class CommandRetries implements RetryScheduler, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandRetries.class);
    /** Retries run the command on these threads when it is handled here: a few, so one slow provider call does not hold up the others. */
    private static final int THREADS = 4;

    private final int maxRetries;
    private final Backoff backoff;
    private final ScheduledExecutorService executor;

    public CommandRetries(CommandRetrySettings settings) {
        this.maxRetries = settings.maxRetries();
        this.backoff = Backoff.exponential(settings.initialBackoff(), 2, settings.maxBackoff())
                .withJitter(50);
        this.executor = Executors.newScheduledThreadPool(THREADS, new AxonThreadFactory("command-retry"));
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable dispatchTask) {
        int attempts = failures.size();
        if (attempts > maxRetries
                || !curable(lastFailure)
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        long delay = backoff.delay(attempts).toMillis();
        log.debug(
                "{} of request {} failed ({}), attempt {}; retrying in {} ms",
                commandMessage.getPayloadType().getSimpleName(),
                commandMessage.getMetaData().get(EventMetadata.CORRELATION_ID),
                lastFailure.toString(),
                attempts,
                delay);
        try {
            executor.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false;
        }
    }

    /** Whether a second attempt may succeed where this one failed. */
    static boolean curable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException
                    || cause instanceof CommandBusConnectorCommunicationException
                    || cause instanceof CommandDispatchException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
