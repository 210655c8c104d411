package io.ledger.query.projection;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * JDBC batches for the projections' per-batch writes: one statement, many rows, sent in one round trip. Values are
 * bound by position; a null is bound as the SQL type given for its position.
 */
public final class BatchStatements {

    private BatchStatements() {}

    /**
     * Executes {@code sql} once per row, as one JDBC batch (Spring's typed batch update: each position bound as its
     * {@link java.sql.Types}), and answers each row's update count (nothing when there are no rows).
     */
    public static int[] execute(JdbcTemplate jdbc, String sql, int[] types, List<Object[]> rows) {
        return jdbc.batchUpdate(sql, rows, types);
    }

    /**
     * Inserts every row with one statement: {@code sql} is an {@code INSERT ... SELECT * FROM unnest(?, ?, ...)} with
     * one array parameter per column, each cast in the SQL ({@code ?::varchar[]}, {@code ?::int8[]}, and for other
     * types through text: {@code ?::varchar[]::timestamptz[]}). Numbers are bound as {@code int8}, everything else as
     * text ({@link OffsetDateTime} in ISO-8601). Answers how many rows were inserted.
     *
     * @param numeric per column, whether its values are numbers
     */
    public static int insertAll(JdbcTemplate jdbc, String sql, boolean[] numeric, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int column = 0; column < numeric.length; column++) {
                Object[] values = new Object[rows.size()];
                for (int i = 0; i < values.length; i++) {
                    Object value = rows.get(i)[column];
                    values[i] = numeric[column] || value == null
                            ? value
                            : value instanceof OffsetDateTime time
                                    ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time)
                                    : value.toString();
                }
                statement.setArray(column + 1, connection.createArrayOf(numeric[column] ? "int8" : "varchar", values));
            }
            return statement;
        });
    }

    /**
     * Has PostgreSQL plan each statement of the current transaction for its own parameters ({@code plan_cache_mode}),
     * before a batch's look-up by {@code = ANY(?)}. A prepared statement's generic plan, made while a rebuild's table
     * was still small, scans it whole; measured over a first build and a rebuild of 100,000 events, about 740 such scans
     * read 7 million rows of {@code stats_payment} (and 500 scans 4.5 million of {@code payment_view}), comparing each
     * with the whole array: half the database's CPU.
     */
    public static void planForTheseParameters(JdbcTemplate jdbc) {
        jdbc.queryForObject("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)", String.class);
    }

    /** The values as a PostgreSQL {@code varchar[]}, for {@code = ANY(?)}. */
    public static Array varchars(PreparedStatement statement, Collection<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("varchar", values.toArray());
    }

    /**
     * Fails the batch (its unit of work rolls back and the processor retries it) unless every row was written: a row a
     * batch read as absent (or at a version) and then found otherwise was written by someone else meanwhile.
     */
    public static void expectAll(int inserted, List<?> rows, String what) {
        if (inserted != rows.size()) {
            throw new IllegalStateException(what + " appeared while the batch was written; the batch is retried");
        }
    }

    /** As {@link #expectAll}, for the counts of a JDBC batch. */
    public static void expectOneEach(int[] counts, String what) {
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException(what + " changed while the batch was written; the batch is retried");
            }
        }
    }
}
