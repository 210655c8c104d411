package io.ledger.api.ledger;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Ask how every account moved over the UTC days {@code from} to {@code to}, both included: its balance before the
 * first day, what was debited and credited on the days, and its balance after the last. Of every currency the journal
 * had seen by the end of {@code to}, and of {@code alsoCurrencies} (lowercase ISO 4217; zeros where it saw nothing).
 * Answered with an {@link AccountMovementsView}.
 */
public record FindAccountMovementsQuery(LocalDate from, LocalDate to, Set<String> alsoCurrencies) {

    public FindAccountMovementsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
        alsoCurrencies = Set.copyOf(alsoCurrencies);
    }
}
