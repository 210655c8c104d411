package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ledger.api.provider.SyncOutcome;
import io.ledger.api.provider.SyncStripeObjectCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How the scheduled poll walks the inbox (it drains full batches at once and stops at the first short one), and what
 * it does with a claimed event: one sync command with the event's id as correlation and causation, the inbox row
 * finished as the command's answer says, under the claim it was taken with.
 */
class InboxWorkerTest {

    private static final int BATCH = 2;

    private final Inbox inbox = mock(Inbox.class);
    private final TransactionTemplate transaction = mock(TransactionTemplate.class);
    private final CommandGateway commands = mock(CommandGateway.class);

    @BeforeEach
    void runTransactionsInline() {
        when(transaction.execute(any())).thenAnswer(call -> {
            TransactionCallback<?> work = call.getArgument(0);
            return work.doInTransaction(null);
        });
        when(inbox.finish(any(), any())).thenReturn(true);
    }

    @Test
    void fullBatchesAreDrainedWithoutWaitingForTheNextPoll() {
        when(inbox.claimDue(eq(BATCH), any()))
                .thenReturn(
                        List.of(claim("evt_1"), claim("evt_2")),
                        List.of(claim("evt_3"), claim("evt_4")),
                        List.of(claim("evt_5")));

        worker(true).poll();

        verify(inbox, times(3)).claimDue(eq(BATCH), eq(Duration.ofMinutes(5)));
        verify(commands, times(5)).sendAndWait(any());
    }

    @Test
    void aShortBatchEndsThePoll() {
        when(inbox.claimDue(eq(BATCH), any()))
                .thenReturn(List.of(claim("evt_1")), List.of(claim("evt_2"), claim("evt_3")));

        worker(true).poll();

        verify(inbox, times(1)).claimDue(eq(BATCH), any());
        verify(commands, times(1)).sendAndWait(any());
    }

    @Test
    void aDisabledWorkerLeavesTheInboxAlone() {
        worker(false).poll();

        verify(inbox, never()).claimDue(anyInt(), any());
    }

    @Test
    void aClaimedEventIsSyncedByOneCommandAndFinishedAsItsAnswerSays() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenReturn(SyncOutcome.IGNORED);
        Inbox.Claim claim = claim("evt_1", "customer.created");
        when(inbox.claimDue(eq(BATCH), any())).thenReturn(List.of(claim));

        assertThat(worker(commands).processDue()).isOne();

        ArgumentCaptor<CommandMessage<SyncStripeObjectCommand>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().eventType()).isEqualTo("customer.created");
        assertThat(sent.getValue().getPayload().objectId()).isEqualTo("cus_1");
        assertThat(sent.getValue().getMetaData())
                .containsEntry("correlationId", "evt_1")
                .containsEntry("causationId", "evt_1")
                .containsEntry("actor", "stripe")
                .containsEntry("source", "webhook");
        verify(inbox).finish(claim, Inbox.IGNORED);
    }

    @Test
    void aFailedSyncIsCountedAsAFailedAttempt() {
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("no payment for re_1"));
        doAnswer(call -> {
                    Consumer<TransactionStatus> work = call.getArgument(0);
                    work.accept(null);
                    return null;
                })
                .when(transaction)
                .executeWithoutResult(any());
        Inbox.Claim claim = claim("evt_1", "refund.updated");
        when(inbox.claimDue(eq(BATCH), any())).thenReturn(List.of(claim));

        assertThat(worker(commands).processDue()).isZero();

        verify(inbox, never()).finish(any(), any());
        verify(inbox).failed(eq(claim), contains("no payment for re_1"), eq(false), any());
    }

    @Test
    void aFailedEventIsDueAgainAfterTheDoublingBackoffAndDeadAfterTheLastAttempt() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        CommandGateway commands = mock(CommandGateway.class);
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("Stripe is down"));
        doAnswer(call -> {
                    Consumer<TransactionStatus> work = call.getArgument(0);
                    work.accept(null);
                    return null;
                })
                .when(transaction)
                .executeWithoutResult(any());
        Inbox.Claim claim = claim("evt_1", "refund.updated");
        when(inbox.claimDue(eq(BATCH), any())).thenReturn(List.of(claim));
        InboxWorker worker = new InboxWorker(
                inbox, commands, transaction, Settings.with(BATCH, true), Clock.fixed(now, ZoneOffset.UTC));

        // The third failure: 10 s x 2^2.
        when(inbox.attempts("evt_1")).thenReturn(2);
        worker.processDue();
        verify(inbox).failed(eq(claim), any(), eq(false), eq(now.plusSeconds(40)));

        // The eighth, max-attempts: a dead letter.
        when(inbox.attempts("evt_1")).thenReturn(7);
        worker.processDue();
        verify(inbox).failed(eq(claim), any(), eq(true), any());
    }

    private static Inbox.Claim claim(String eventId) {
        return claim(eventId, "customer.created");
    }

    private static Inbox.Claim claim(String eventId, String type) {
        String payload = "{\"id\": \"" + eventId + "\", \"object\": \"event\", \"type\": \"" + type
                + "\", \"created\": 1763800000, \"data\": {\"object\": {\"id\": \"cus_1\","
                + " \"object\": \"customer\"}}}";
        return new Inbox.Claim(eventId, payload, Instant.parse("2026-11-23T10:05:00Z"));
    }

    private InboxWorker worker(boolean enabled) {
        return new InboxWorker(inbox, commands, transaction, Settings.with(BATCH, enabled), Clock.systemUTC());
    }

    private InboxWorker worker(CommandGateway commands) {
        return new InboxWorker(inbox, commands, transaction, Settings.with(BATCH, true), Clock.systemUTC());
    }
}
