package io.ledger.webhook.stripe;

import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.metadata.Source;
import io.ledger.api.provider.SyncOutcome;
import io.ledger.api.retry.Backoff;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes the inbox: claims due events with a lease ({@link Inbox#claimDue}: several instances share the work, none
 * waits for another, and no database lock or transaction is held while an event is worked), then for each sends the
 * one command that syncs the Stripe object it names ({@link StripeEvent#syncCommand()}; the command side translates
 * it in a unit of work and transaction of its own, on whichever node handles it) and marks it processed or ignored, as
 * the command's answer says. The command carries the Stripe event id as correlation and causation, {@code
 * actor=stripe} and {@code source=webhook}, and so does every event it causes. A failure counts the attempt and
 * schedules the next one ({@link WebhookSettings#backoff()}), or parks the event as dead after {@code
 * ledger.webhook.max-attempts}. An event whose command committed but whose row was not finished (the instance died
 * in between, or its lease ran out first) is synced again once its lease ends: harmless, because a sync re-reads
 * Stripe's object and sends its facts, which the payment records only once (a repeated fact is a no-op).
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
        List<Inbox.Claim> claimed;
        do {
            claimed = inbox.claimDue(settings.batchSize(), settings.lease());
            claimed.forEach(this::process);
        } while (claimed.size() == settings.batchSize());
    }

    /** One claim of the events due now, each attempted once; how many were processed or ignored. */
    int processDue() {
        int done = 0;
        for (Inbox.Claim claim : inbox.claimDue(settings.batchSize(), settings.lease())) {
            if (process(claim)) {
                done++;
            }
        }
        return done;
    }

    private boolean process(Inbox.Claim claim) {
        SyncOutcome outcome;
        try {
            StripeEvent event = StripeEvent.parse(claim.payload());
            outcome = commands.sendAndWait(GenericCommandMessage.asCommandMessage(event.syncCommand())
                    .andMetaData(Map.of(
                            EventMetadata.CORRELATION_ID,
                            event.id(),
                            EventMetadata.CAUSATION_ID,
                            event.id(),
                            EventMetadata.ACTOR,
                            EventMetadata.Actors.STRIPE,
                            EventMetadata.SOURCE,
                            Source.WEBHOOK.wire())));
        } catch (RuntimeException e) {
            recordFailure(claim, e);
            return false;
        }
        if (!inbox.finish(claim, outcome == SyncOutcome.IGNORED ? Inbox.IGNORED : Inbox.PROCESSED)) {
            log.warn(
                    "Stripe event {} was synced, but its claim had run out and another instance holds it now",
                    claim.eventId());
        }
        return true;
    }

    private void recordFailure(Inbox.Claim claim, RuntimeException failure) {
        String error = describe(failure);
        String eventId = claim.eventId();
        transaction.executeWithoutResult(tx -> {
            int attempts = inbox.attempts(eventId) + 1;
            boolean dead = attempts >= settings.maxAttempts();
            inbox.failed(claim, error, dead, clock.instant().plus(backoff.delay(attempts)));
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
