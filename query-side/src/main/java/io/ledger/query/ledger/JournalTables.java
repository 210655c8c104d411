package io.ledger.query.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The journal's SQL: lines written once per (event, line number), and the daily balances beside them. */
@Component
class JournalTables {

    private final JdbcClient jdbc;

    JournalTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The payment's last settlement entry posted by an event stored before event {@code eventId}: the one a new
     * settlement reverses. Looking only before the event keeps a redelivered event posting exactly what it posted the
     * first time.
     */
    Optional<JournalEntry> previousSettlement(String paymentId, String eventId) {
        List<Line> lines = jdbc.sql("""
                        SELECT account, currency, debit, credit FROM journal_line
                        WHERE payment_id = :payment AND entry_kind = 'settlement'
                          AND global_index = (SELECT max(global_index) FROM journal_line
                                              WHERE payment_id = :payment AND entry_kind = 'settlement'
                                                AND global_index < (SELECT global_index FROM domain_event_entry
                                                                    WHERE event_identifier = :event))
                        ORDER BY line_no
                        """)
                .param("payment", paymentId)
                .param("event", eventId)
                .query((rs, n) -> new Line(
                        Account.fromCode(rs.getString("account")).orElseThrow(),
                        rs.getString("currency"),
                        rs.getLong("debit"),
                        rs.getLong("credit")))
                .list();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Currency currency = Currency.getInstance(lines.get(0).currency().toUpperCase(Locale.ROOT));
        List<PostingLine> posting = lines.stream()
                .map(line -> line.debit() > 0
                        ? PostingLine.debit(line.account(), line.debit())
                        : PostingLine.credit(line.account(), line.credit()))
                .toList();
        return Optional.of(new JournalEntry(paymentId, currency, EntryKind.SETTLEMENT, posting));
    }

    /**
     * Writes the event's lines, numbered from 1 across its entries, skipping those already written; answers the lines
     * this call inserted. The global index is the event's row's, looked up by the same statement.
     */
    List<Line> insert(String eventId, Instant postedAt, List<JournalEntry> entries) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO journal_line (event_id, line_no, global_index, payment_id, entry_kind, account, currency,
                    debit, credit, posted_at)
                VALUES """);
        List<Object> params = new ArrayList<>();
        int lineNo = 0;
        for (JournalEntry entry : entries) {
            String currency = entry.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
            for (PostingLine line : entry.lines()) {
                sql.append(lineNo == 0 ? "" : ", ")
                        .append("(?, ?, (SELECT global_index FROM domain_event_entry WHERE event_identifier = ?),"
                                + " ?, ?, ?, ?, ?, ?, ?)");
                lineNo++;
                params.add(eventId);
                params.add(lineNo);
                params.add(eventId);
                params.add(entry.paymentId());
                params.add(entry.kind().code());
                params.add(line.account().code());
                params.add(currency);
                params.add(line.debit());
                params.add(line.credit());
                params.add(postedAt.atOffset(ZoneOffset.UTC));
            }
        }
        sql.append(" ON CONFLICT (event_id, line_no) DO NOTHING RETURNING account, currency, debit, credit");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new Line(
                        Account.fromCode(rs.getString("account")).orElseThrow(),
                        rs.getString("currency"),
                        rs.getLong("debit"),
                        rs.getLong("credit")))
                .list();
    }

    /** Adds the totals to the daily balance rows, in key order. */
    void addToDailyBalances(DailyBalances balances) {
        balances.drainTo((key, sums) -> jdbc.sql("""
                        INSERT INTO journal_balance_daily (day, account, currency, debits, credits)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (day, account, currency) DO UPDATE
                        SET debits = journal_balance_daily.debits + EXCLUDED.debits,
                            credits = journal_balance_daily.credits + EXCLUDED.credits
                        """)
                .params(key.day(), key.account(), key.currency(), sums[0], sums[1])
                .update());
    }

    void truncate() {
        jdbc.sql("TRUNCATE journal_line, journal_balance_daily").update();
    }

    /** A written line, as far as balances care. */
    record Line(Account account, String currency, long debit, long credit) {}
}
