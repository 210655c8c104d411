package io.ledger.query.ledger;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Debits and credits to add to {@code journal_balance_daily}, summed per day, account and currency. Kept sorted, so
 * that concurrent transactions (the processor's segments) lock the balance rows in the same order and cannot deadlock.
 */
final class DailyBalances {

    private final Map<Key, long[]> totals = new TreeMap<>();

    void add(LocalDate day, String account, String currency, long debit, long credit) {
        long[] sums = totals.computeIfAbsent(new Key(day, account, currency), key -> new long[2]);
        sums[0] = Math.addExact(sums[0], debit);
        sums[1] = Math.addExact(sums[1], credit);
    }

    /** Hands each key in order to {@code target} with its debits and credits, then forgets them. */
    void drainTo(BiConsumer<Key, long[]> target) {
        totals.forEach(target);
        totals.clear();
    }

    record Key(LocalDate day, String account, String currency) implements Comparable<Key> {

        private static final Comparator<Key> ORDER =
                Comparator.comparing(Key::day).thenComparing(Key::account).thenComparing(Key::currency);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }
}
