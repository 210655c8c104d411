package io.ledger.webhook.stripe;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** How the scheduled poll walks the inbox: it drains full batches at once and stops at the first short one. */
class InboxWorkerTest {

    private static final int BATCH = 2;

    private final Inbox inbox = mock(Inbox.class);
    private final TransactionTemplate transaction = mock(TransactionTemplate.class);
    private final WebhookSettings settings = new WebhookSettings(
            "whsec_test",
            DataSize.ofKilobytes(512),
            Duration.ofMinutes(5),
            Duration.ofMinutes(1),
            8,
            Duration.ofSeconds(10),
            Duration.ofHours(1),
            BATCH);

    @BeforeEach
    void runTransactionsInline() {
        when(transaction.execute(any())).thenAnswer(call -> {
            TransactionCallback<?> work = call.getArgument(0);
            return work.doInTransaction(null);
        });
        // Every claimed row was taken meanwhile: the walk, not the translation, is under test here.
        when(inbox.claim(any())).thenReturn(Optional.empty());
    }

    @Test
    void fullBatchesAreDrainedWithoutWaitingForTheNextPoll() {
        when(inbox.due(BATCH)).thenReturn(List.of("evt_1", "evt_2"), List.of("evt_3", "evt_4"), List.of("evt_5"));

        worker(true).poll();

        verify(inbox, times(3)).due(BATCH);
        verify(inbox, times(5)).claim(any());
    }

    @Test
    void aShortBatchEndsThePoll() {
        when(inbox.due(BATCH)).thenReturn(List.of("evt_1"), List.of("evt_2", "evt_3"));

        worker(true).poll();

        verify(inbox, times(1)).due(BATCH);
        verify(inbox, times(1)).claim("evt_1");
    }

    @Test
    void aDisabledWorkerLeavesTheInboxAlone() {
        worker(false).poll();

        verify(inbox, never()).due(anyInt());
    }

    private InboxWorker worker(boolean enabled) {
        return new InboxWorker(inbox, null, transaction, settings, Clock.systemUTC(), enabled);
    }
}
