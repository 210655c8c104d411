package io.ledger.query.ledger;

import io.ledger.api.payment.PaymentEvent;
import io.ledger.query.projection.PerBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * The double-entry journal: every payment fact that moves money becomes balanced lines (see {@link PostingRules}),
 * keyed by the event's identifier and the line number, so a redelivered event writes nothing twice. Each line carries its
 * event's global index as the event store holds it (read by the insert itself): a processor's tracking token names the
 * highest index it has seen, which is another event's when this one filled a gap (committed after a later one). The daily balances
 * grow only by the lines actually inserted.
 *
 * <p>A processor batch is posted just before it commits, in its transaction with the processor's token: the previous
 * settlements its settlements reverse are read in one query (a payment's earlier settlement in the same batch is taken
 * from the batch: a payment's events arrive in the order of their global index), all its lines inserted by one
 * statement, and the balances of the lines inserted summed in memory and written in key order.
 */
@Component
@ProcessingGroup(JournalProjection.NAME)
class JournalProjection {

    static final String NAME = "journal";

    private final JournalTables tables;
    private final PerBatch<List<Posted>> batch;

    JournalProjection(JournalTables tables) {
        this.tables = tables;
        this.batch = new PerBatch<>(JournalProjection.class, ArrayList::new, this::post);
    }

    @EventHandler
    void on(PaymentEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        batch.add(events -> events.add(new Posted(event, eventId, at)));
    }

    @ResetHandler
    void reset() {
        tables.truncate();
    }

    /** Posts the batch's events in order and forgets them. */
    private void post(List<Posted> events) {
        Map<String, String> lookups = new LinkedHashMap<>();
        Map<String, Boolean> settledInBatch = new HashMap<>();
        for (Posted posted : events) {
            if (PostingRules.isSettlement(posted.event())) {
                String paymentId = posted.event().paymentId().value();
                if (settledInBatch.putIfAbsent(paymentId, true) == null) {
                    lookups.put(posted.eventId(), paymentId);
                }
            }
        }
        Map<String, JournalEntry> stored = tables.previousSettlements(lookups);
        Map<String, JournalEntry> lastSettlement = new HashMap<>();
        List<JournalTables.NewLine> lines = new ArrayList<>();
        for (Posted posted : events) {
            PaymentEvent event = posted.event();
            String paymentId = event.paymentId().value();
            Optional<JournalEntry> previous = Optional.empty();
            if (PostingRules.isSettlement(event)) {
                previous = Optional.ofNullable(
                        lookups.containsKey(posted.eventId())
                                ? stored.get(posted.eventId())
                                : lastSettlement.get(paymentId));
            }
            List<JournalEntry> entries = PostingRules.post(event, previous);
            int lineNo = 0;
            for (JournalEntry entry : entries) {
                String currency = entry.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
                for (PostingLine line : entry.lines()) {
                    lineNo++;
                    lines.add(new JournalTables.NewLine(
                            posted.eventId(),
                            lineNo,
                            entry.paymentId(),
                            entry.kind(),
                            line.account(),
                            currency,
                            line.debit(),
                            line.credit(),
                            posted.at()));
                }
                if (entry.kind() == EntryKind.SETTLEMENT) {
                    lastSettlement.put(paymentId, entry);
                }
            }
        }
        DailyBalances balances = new DailyBalances();
        tables.insert(lines)
                .forEach(line ->
                        balances.add(line.day(), line.account().code(), line.currency(), line.debit(), line.credit()));
        tables.addToDailyBalances(balances);
        events.clear();
    }

    /** An event to post, with its identifier and time stamp. */
    private record Posted(PaymentEvent event, String eventId, Instant at) {}
}
