package io.ledger.api.stats;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Ask for payment figures of the UTC days {@code from} to {@code to}, both included, with a series cut into
 * {@code groupBy} periods. Answered with a {@link PaymentStatsView}.
 */
public record FindPaymentStatsQuery(LocalDate from, LocalDate to, StatsGrouping groupBy) {

    public FindPaymentStatsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(groupBy, "groupBy");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }
}
