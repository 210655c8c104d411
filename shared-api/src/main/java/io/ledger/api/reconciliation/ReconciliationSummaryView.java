package io.ledger.api.reconciliation;

import java.time.LocalDate;
import java.util.List;

/** The answer to {@link FindReconciliationSummaryQuery}: one entry per currency with payments in the range. */
public record ReconciliationSummaryView(LocalDate from, LocalDate to, List<CurrencyReconciliationView> currencies) {

    public ReconciliationSummaryView {
        currencies = List.copyOf(currencies);
    }

    /**
     * The captured payments of one currency (lowercase) by reconciliation status, and {@code feeTotal}: the fees of
     * their latest settlements, matched or mismatched, in minor units.
     */
    public record CurrencyReconciliationView(
            String currency,
            StatusTotalsView matched,
            StatusTotalsView mismatched,
            StatusTotalsView unreconciled,
            long feeTotal) {}

    /** How many payments have a status and their captured amount, in minor units. */
    public record StatusTotalsView(long count, long amount) {

        public static final StatusTotalsView NONE = new StatusTotalsView(0, 0);
    }
}
