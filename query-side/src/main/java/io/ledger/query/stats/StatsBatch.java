package io.ledger.query.stats;

import io.ledger.api.payment.Provider;
import io.ledger.query.projection.BatchStatements;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payment stats' changes of one processor batch. The batch's rows of the lookup ({@code stats_payment}) are read in
 * one query and its events applied to them in memory in event order, each skipped unless it is newer than the row's
 * {@code last_sequence}, as before; then each touched lookup row is written once (one batch of inserts, one of
 * updates, an update naming the sequence it read so that a row changed meanwhile fails the batch) and the summed
 * bucket additions in key order.
 */
final class StatsBatch {

    private final JdbcTemplate jdbc;
    private final StatsBuckets buckets;
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> payments = new LinkedHashSet<>();

    StatsBatch(JdbcTemplate jdbc, StatsBuckets buckets) {
        this.jdbc = jdbc;
        this.buckets = buckets;
    }

    /** A created payment: a lookup row and one created payment in its bucket, unless the row exists. */
    void created(String paymentId, String currency, Provider provider, long sequence, Instant at) {
        add(new Change(paymentId, sequence, at, null, currency, provider, 0));
    }

    /** A fact of a known payment, counted (by {@code figures}) unless the payment's row has seen it. */
    void counted(String paymentId, long sequence, Instant at, BucketFigures figures) {
        add(new Change(paymentId, sequence, at, figures, null, null, 0));
    }

    /** A settlement: adds its fee less the fee of the payment's previous settlement, unless the row has seen it. */
    void settled(String paymentId, long sequence, Instant at, long fee) {
        add(new Change(paymentId, sequence, at, null, null, null, fee));
    }

    private void add(Change change) {
        changes.add(change);
        payments.add(change.paymentId());
    }

    /** Writes everything gathered and empties the buffer. */
    void write() {
        if (changes.isEmpty()) {
            return;
        }
        BatchStatements.planForTheseParameters(jdbc);
        Map<String, Row> rows = new HashMap<>();
        jdbc.query(
                "SELECT payment_id, currency, provider, last_sequence, settled_fee FROM stats_payment"
                        + " WHERE payment_id = ANY(?)",
                statement -> statement.setArray(1, BatchStatements.varchars(statement, payments)),
                (ResultSet rs) -> {
                    Row row = new Row(
                            rs.getString("payment_id"),
                            rs.getString("currency"),
                            Provider.valueOf(rs.getString("provider").toUpperCase(Locale.ROOT)),
                            rs.getLong("last_sequence"),
                            rs.getLong("settled_fee"),
                            false);
                    rows.put(row.paymentId, row);
                });
        SortedMap<BucketKey, BucketFigures> additions = new TreeMap<>();
        Set<Row> touched = new LinkedHashSet<>();
        for (Change change : changes) {
            Row row = rows.get(change.paymentId());
            if (change.currency() != null) {
                if (row == null) {
                    row = new Row(change.paymentId(), change.currency(), change.provider(), change.sequence(), 0, true);
                    rows.put(row.paymentId, row);
                    touched.add(row);
                    additions.merge(row.on(change.at()), BucketFigures.CREATED, BucketFigures::plus);
                }
                continue;
            }
            if (row == null || row.lastSequence >= change.sequence()) {
                continue;
            }
            row.lastSequence = change.sequence();
            touched.add(row);
            BucketFigures figures;
            if (change.figures() == null) {
                figures = BucketFigures.fee(Math.subtractExact(change.fee(), row.settledFee));
                row.settledFee = change.fee();
            } else {
                figures = change.figures();
            }
            additions.merge(row.on(change.at()), figures, BucketFigures::plus);
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Row row : touched) {
            if (row.created) {
                inserts.add(
                        new Object[] {row.paymentId, row.currency, row.provider.code(), row.lastSequence, row.settledFee
                        });
            } else {
                updates.add(new Object[] {row.lastSequence, row.settledFee, row.paymentId, row.readSequence});
            }
        }
        BatchStatements.expectAll(
                BatchStatements.insertAll(jdbc, """
                        INSERT INTO stats_payment (payment_id, currency, provider, last_sequence, settled_fee)
                        SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::int8[])
                        ON CONFLICT (payment_id) DO NOTHING""", new boolean[] {false, false, false, true, true}, inserts),
                inserts,
                "a new stats_payment row");
        BatchStatements.expectOneEach(
                BatchStatements.execute(
                        jdbc, """
                        UPDATE stats_payment SET last_sequence = ?, settled_fee = ?
                        WHERE payment_id = ? AND last_sequence = ?""", new int[] {Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT}, updates),
                "a stats_payment row");
        buckets.write(additions);
        changes.clear();
        payments.clear();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /**
     * A fact for a payment: its creation (with {@code currency} and {@code provider}), a counted fact ({@code
     * figures}) or else a settlement of {@code fee}.
     */
    private record Change(
            String paymentId,
            long sequence,
            Instant at,
            BucketFigures figures,
            String currency,
            Provider provider,
            long fee) {}

    /** A lookup row in memory; {@code readSequence} is what it had when read. */
    private static final class Row {
        final String paymentId;
        final String currency;
        final Provider provider;
        final long readSequence;
        final boolean created;
        long lastSequence;
        long settledFee;

        Row(String paymentId, String currency, Provider provider, long lastSequence, long settledFee, boolean created) {
            this.paymentId = paymentId;
            this.currency = currency;
            this.provider = provider;
            this.readSequence = lastSequence;
            this.lastSequence = lastSequence;
            this.settledFee = settledFee;
            this.created = created;
        }

        BucketKey on(Instant at) {
            return new BucketKey(day(at), currency, provider);
        }
    }
}
