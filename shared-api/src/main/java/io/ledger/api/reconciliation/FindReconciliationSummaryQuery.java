package io.ledger.api.reconciliation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Ask how the payments that succeeded on the UTC days {@code from} to {@code to} (both included) stand against the
 * providers' settlements. Answered with a {@link ReconciliationSummaryView}.
 */
public record FindReconciliationSummaryQuery(LocalDate from, LocalDate to) {

    public FindReconciliationSummaryQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }
}
