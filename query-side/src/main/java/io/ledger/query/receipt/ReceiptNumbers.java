package io.ledger.query.receipt;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Receipt numbers: {@code R-<year>-<number>}, the number counted from 1 in each year (UTC) and written with at least
 * six digits. They are taken from the year's row of {@code receipt_counter}, in the transaction that records the
 * receipts: the update holds the row's lock until that transaction ends, so writers on any node take numbers one after
 * the other, and a transaction that rolls back (a failed batch, a crash) gives its numbers back. Gap-free within a
 * year, never given twice.
 */
final class ReceiptNumbers {

    private static final String TAKE = """
            INSERT INTO receipt_counter (year, last_number) VALUES (?, ?)
            ON CONFLICT (year) DO UPDATE SET last_number = receipt_counter.last_number + EXCLUDED.last_number
            RETURNING last_number""";

    private ReceiptNumbers() {}

    /**
     * Takes the next {@code count} numbers of {@code year} in the current transaction and answers the first of them;
     * the others follow it. Call it for years in ascending order within one transaction, so that two writers never
     * wait for each other's years in opposite order.
     */
    static long take(JdbcTemplate jdbc, int year, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("take at least one number, not " + count);
        }
        Long last = jdbc.queryForObject(TAKE, Long.class, year, count);
        return last - count + 1;
    }

    /** The receipt number as printed: {@code R-2026-000042}. */
    static String format(int year, long number) {
        return String.format(Locale.ROOT, "R-%04d-%06d", year, number);
    }
}
