package io.ledger.query.ledger;

import io.ledger.api.payment.PaymentEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The double-entry journal: every payment fact that moves money becomes balanced lines (see {@link PostingRules}),
 * keyed by the event's identifier and the line number, so a redelivered event writes nothing twice. Each line carries its
 * event's global index as the event store holds it (read by the insert itself): a processor's tracking token names the
 * highest index it has seen, which is another event's when this one filled a gap (committed after a later one). The daily balances
 * grow only by the lines actually inserted, and only when the batch commits: its totals are summed in memory and
 * written in key order in the same transaction as the lines and the processor's token.
 */
@Component
@ProcessingGroup(JournalProjection.NAME)
class JournalProjection {

    static final String NAME = "journal";

    private static final String PENDING_BALANCES = JournalProjection.class.getName() + ".pendingBalances";

    private final JournalTables tables;

    JournalProjection(JournalTables tables) {
        this.tables = tables;
    }

    @EventHandler
    void on(PaymentEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Optional<JournalEntry> previousSettlement = PostingRules.isSettlement(event)
                ? tables.previousSettlement(event.paymentId().value(), eventId)
                : Optional.empty();
        List<JournalEntry> entries = PostingRules.post(event, previousSettlement);
        if (entries.isEmpty()) {
            return;
        }
        List<JournalTables.Line> inserted = tables.insert(eventId, at, entries);
        if (inserted.isEmpty()) {
            return;
        }
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        DailyBalances balances = pendingBalances();
        inserted.forEach(
                line -> balances.add(day, line.account().code(), line.currency(), line.debit(), line.credit()));
        if (!CurrentUnitOfWork.isStarted()) {
            tables.addToDailyBalances(balances);
        }
    }

    @ResetHandler
    void reset() {
        tables.truncate();
    }

    /** The balances of the batch being processed, written when it prepares to commit. */
    private DailyBalances pendingBalances() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new DailyBalances();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_BALANCES, key -> {
            DailyBalances balances = new DailyBalances();
            batch.onPrepareCommit(unitOfWork -> tables.addToDailyBalances(balances));
            return balances;
        });
    }
}
