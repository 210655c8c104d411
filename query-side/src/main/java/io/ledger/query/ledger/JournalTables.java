package io.ledger.query.ledger;

import io.ledger.query.projection.BatchStatements;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The journal's SQL: lines written once per (event, line number), and the daily balances beside them. Each method
 * takes a whole processor batch: one statement (or one JDBC batch) per call.
 */
@Component
class JournalTables {

    private final JdbcTemplate jdbc;

    JournalTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each settlement event (its identifier to its payment), the payment's last settlement entry posted by an event
     * stored before it: the one a new settlement reverses. Looking only before the event keeps a redelivered event
     * posting exactly what it posted the first time. Events whose payment has none are left out of the answer.
     */
    Map<String, JournalEntry> previousSettlements(Map<String, String> paymentOfEvent) {
        if (paymentOfEvent.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Line>> lines = new LinkedHashMap<>();
        jdbc.query(
                """
                SELECT s.event_id, j.account, j.currency, j.debit, j.credit
                  FROM unnest(?::varchar[], ?::varchar[]) AS s(event_id, payment_id)
                  JOIN journal_line j ON j.payment_id = s.payment_id AND j.entry_kind = 'settlement'
                   AND j.global_index = (SELECT max(global_index) FROM journal_line
                                          WHERE payment_id = s.payment_id AND entry_kind = 'settlement'
                                            AND global_index < (SELECT global_index FROM domain_event_entry
                                                                 WHERE event_identifier = s.event_id))
                 ORDER BY s.event_id, j.line_no
                """,
                statement -> {
                    statement.setArray(1, BatchStatements.varchars(statement, paymentOfEvent.keySet()));
                    statement.setArray(2, BatchStatements.varchars(statement, paymentOfEvent.values()));
                },
                rs -> {
                    lines.computeIfAbsent(rs.getString("event_id"), event -> new ArrayList<>())
                            .add(new Line(
                                    Account.fromCode(rs.getString("account")).orElseThrow(),
                                    rs.getString("currency"),
                                    rs.getLong("debit"),
                                    rs.getLong("credit")));
                });
        Map<String, JournalEntry> entries = new HashMap<>();
        lines.forEach((eventId, posted) -> {
            String paymentId = paymentOfEvent.get(eventId);
            Currency currency = Currency.getInstance(posted.get(0).currency().toUpperCase(Locale.ROOT));
            List<PostingLine> posting = posted.stream()
                    .map(line -> line.debit() > 0
                            ? PostingLine.debit(line.account(), line.debit())
                            : PostingLine.credit(line.account(), line.credit()))
                    .toList();
            entries.put(eventId, new JournalEntry(paymentId, currency, EntryKind.SETTLEMENT, posting));
        });
        return entries;
    }

    /**
     * Writes the lines in one statement, skipping those already written; answers the lines it inserted. Each line's
     * global index is its event's row's, looked up by the same statement (an event missing from the store fails it).
     */
    List<NewLine> insert(List<NewLine> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, NewLine> byKey = new HashMap<>();
        lines.forEach(line -> byKey.put(line.eventId() + "/" + line.lineNo(), line));
        return jdbc.query(
                """
                INSERT INTO journal_line (event_id, line_no, global_index, payment_id, entry_kind, account, currency,
                    debit, credit, posted_at)
                SELECT l.event_id, l.line_no, e.global_index, l.payment_id, l.entry_kind, l.account, l.currency,
                       l.debit, l.credit, l.posted_at
                  FROM unnest(?::varchar[], ?::int[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                              ?::bigint[], ?::bigint[], ?::timestamptz[])
                       AS l(event_id, line_no, payment_id, entry_kind, account, currency, debit, credit, posted_at)
                  LEFT JOIN domain_event_entry e ON e.event_identifier = l.event_id
                ON CONFLICT (event_id, line_no) DO NOTHING
                RETURNING event_id, line_no
                """,
                statement -> {
                    Connection connection = statement.getConnection();
                    statement.setArray(1, varchars(connection, lines, NewLine::eventId));
                    statement.setArray(
                            2,
                            connection.createArrayOf(
                                    "int4", lines.stream().map(NewLine::lineNo).toArray()));
                    statement.setArray(3, varchars(connection, lines, NewLine::paymentId));
                    statement.setArray(
                            4, varchars(connection, lines, line -> line.kind().code()));
                    statement.setArray(
                            5,
                            varchars(connection, lines, line -> line.account().code()));
                    statement.setArray(6, varchars(connection, lines, NewLine::currency));
                    statement.setArray(
                            7,
                            connection.createArrayOf(
                                    "int8", lines.stream().map(NewLine::debit).toArray()));
                    statement.setArray(
                            8,
                            connection.createArrayOf(
                                    "int8", lines.stream().map(NewLine::credit).toArray()));
                    statement.setArray(
                            9,
                            varchars(connection, lines, line -> line.postedAt().toString()));
                },
                (rs, n) -> byKey.get(rs.getString("event_id") + "/" + rs.getInt("line_no")));
    }

    /** Adds the totals to the daily balance rows, in key order, as one JDBC batch. */
    void addToDailyBalances(DailyBalances balances) {
        List<Object[]> rows = new ArrayList<>();
        balances.drainTo(
                (key, sums) -> rows.add(new Object[] {key.day(), key.account(), key.currency(), sums[0], sums[1]}));
        BatchStatements.execute(
                jdbc, """
                INSERT INTO journal_balance_daily (day, account, currency, debits, credits)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (day, account, currency) DO UPDATE
                SET debits = journal_balance_daily.debits + EXCLUDED.debits,
                    credits = journal_balance_daily.credits + EXCLUDED.credits""", new int[] {Types.DATE, Types.VARCHAR, Types.CHAR, Types.BIGINT, Types.BIGINT}, rows);
    }

    void truncate() {
        jdbc.execute("TRUNCATE journal_line, journal_balance_daily");
    }

    private static Array varchars(Connection connection, Collection<NewLine> lines, Function<NewLine, String> value)
            throws SQLException {
        return connection.createArrayOf("varchar", lines.stream().map(value).toArray());
    }

    /** A written line, as far as a settlement's reversal cares. */
    record Line(Account account, String currency, long debit, long credit) {}

    /** A line to write: numbered from 1 across its event's entries. */
    record NewLine(
            String eventId,
            int lineNo,
            String paymentId,
            EntryKind kind,
            Account account,
            String currency,
            long debit,
            long credit,
            Instant postedAt) {

        LocalDate day() {
            return LocalDate.ofInstant(postedAt, ZoneOffset.UTC);
        }
    }
}
