package io.ledger.webhook.stripe;

import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.metadata.Source;
import io.ledger.api.provider.SyncOutcome;
import io.ledger.api.retry.Backoff;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes the inbox: each due event in ONE transaction that locks its row, sends the one command that syncs the Stripe
 * object it names ({@link StripeEvent#syncCommand()}; the command side translates it, and Axon's SpringTransactionManager
 * joins that transaction, so the events it causes are appended in it) and marks it processed or ignored, as the
 * command's answer says. On several nodes the sync runs on the node its Stripe object is routed to, and the payment
 * commands it sends on their payments' owners, each such command in its own transaction, committed before this one: if
 * this transaction then rolls back (a failure, a crash), the row stays due and the sync runs again, and being
 * state-based it finds the ledger in line with Stripe and records nothing new (repeated facts are no-ops). The command carries the Stripe event id as correlation and causation, {@code actor=stripe} and
 * {@code source=webhook}, and so does every event it causes. A failure rolls all of that back; a second transaction then
 * counts the attempt and schedules the next one ({@link WebhookSettings#backoff()}), or parks the event as dead after
 * {@code ledger.webhook.max-attempts}. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances share
 * the work; an event stored before a crash is simply still due when the application comes back.
 */
@Component
class InboxWorker {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final Inbox inbox;
    private final CommandGateway commands;
    private final TransactionTemplate transaction;
    private final WebhookSettings settings;
    private final Backoff backoff;
    private final Clock clock;

    InboxWorker(
            Inbox inbox,
            CommandGateway commands,
            TransactionTemplate transaction,
            WebhookSettings settings,
            Clock clock) {
        this.inbox = inbox;
        this.commands = commands;
        this.transaction = transaction;
        this.settings = settings;
        this.backoff = settings.backoff();
        this.clock = clock;
    }

    /** Every {@link WebhookSettings#pollInterval()}, first after one: the same property, the same default. */
    @Scheduled(
            fixedDelayString = "${ledger.webhook.poll-interval:PT1S}",
            initialDelayString = "${ledger.webhook.poll-interval:PT1S}")
    void poll() {
        if (!settings.worker().enabled()) {
            return;
        }
        // A full batch means more may be waiting: go on at once instead of sleeping a poll interval per batch. Failed
        // events are not due again before their backoff, and dead after max-attempts, so this ends.
        List<String> due;
        do {
            due = inbox.due(settings.batchSize());
            due.forEach(this::process);
        } while (due.size() == settings.batchSize());
    }

    /** One pass over the events due now, each attempted at most once; how many were processed or ignored. */
    int processDue() {
        List<String> due = inbox.due(settings.batchSize());
        int done = 0;
        for (String eventId : due) {
            if (process(eventId)) {
                done++;
            }
        }
        return done;
    }

    private boolean process(String eventId) {
        try {
            return Boolean.TRUE.equals(transaction.execute(tx -> {
                Optional<Inbox.Row> row = inbox.claim(eventId);
                if (row.isEmpty()) {
                    return false; // processed meanwhile, or another instance holds it
                }
                StripeEvent event = StripeEvent.parse(row.get().payload());
                SyncOutcome outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(event.syncCommand())
                        .andMetaData(Map.of(
                                EventMetadata.CORRELATION_ID,
                                event.id(),
                                EventMetadata.CAUSATION_ID,
                                event.id(),
                                EventMetadata.ACTOR,
                                EventMetadata.Actors.STRIPE,
                                EventMetadata.SOURCE,
                                Source.WEBHOOK.wire())));
                inbox.finish(eventId, outcome == SyncOutcome.IGNORED ? Inbox.IGNORED : Inbox.PROCESSED);
                return true;
            }));
        } catch (RuntimeException e) {
            recordFailure(eventId, e);
            return false;
        }
    }

    private void recordFailure(String eventId, RuntimeException failure) {
        String error = describe(failure);
        transaction.executeWithoutResult(tx -> {
            int attempts = inbox.attempts(eventId) + 1;
            boolean dead = attempts >= settings.maxAttempts();
            inbox.failed(eventId, error, dead, clock.instant().plus(backoff.delay(attempts)));
            if (dead) {
                log.error(
                        "ALERT Stripe event {} parked as a dead letter after {} attempts: {}",
                        eventId,
                        attempts,
                        error);
            } else {
                log.warn("Stripe event {} failed (attempt {}), will retry: {}", eventId, attempts, error);
            }
        });
    }

    /** The failure and its causes, without stack traces, short enough to keep. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null && text.length() < MAX_ERROR_LENGTH; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }
}
