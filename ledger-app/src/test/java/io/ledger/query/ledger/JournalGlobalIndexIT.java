package io.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.app.support.LedgerIntegrationTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A journal line carries its own event's global index, also when the event filled a gap: stored (and its index drawn)
 * before another payment's events but committed after them. The processor's tracking token then names the later
 * events' index, which the journal once copied.
 */
@LedgerIntegrationTest
class JournalGlobalIndexIT {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventCommittedAfterALaterOneIsPostedWithItsOwnIndex() throws Exception {
        PaymentId late = PaymentId.newId();
        PaymentId early = PaymentId.newId();
        CountDownLatch stored = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(tx -> {
            charge(late);
            stored.countDown();
            waitFor(release);
        }));
        assertThat(stored.await(30, TimeUnit.SECONDS)).isTrue();

        charge(early);
        await().atMost(CATCH_UP).until(() -> linesOf(early) > 0);
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
        await().atMost(CATCH_UP).until(() -> linesOf(late) > 0);

        assertThat(firstIndexOf(late)).isLessThan(firstIndexOf(early));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM journal_line j JOIN domain_event_entry e ON e.event_identifier = j.event_id
                         WHERE j.payment_id IN (:late, :early) AND j.global_index <> e.global_index
                        """)
                        .param("late", late.value())
                        .param("early", early.value())
                        .query(Long.class)
                        .single())
                .as("journal lines whose global index is not their event's")
                .isZero();
    }

    private void charge(PaymentId payment) {
        commands.sendAndWait(new CreatePaymentCommand(
                payment, Money.of(2500, "usd"), "cus_gap", null, null, null, "pm_card_visa", true, null));
    }

    private long linesOf(PaymentId payment) {
        return jdbc.sql("SELECT count(*) FROM journal_line WHERE payment_id = ?")
                .param(payment.value())
                .query(Long.class)
                .single();
    }

    private long firstIndexOf(PaymentId payment) {
        return jdbc.sql("SELECT min(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(payment.value())
                .query(Long.class)
                .single();
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
