package io.ledger.query.reconciliation;

import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.reconciliation.FindReconciliationSummaryQuery;
import io.ledger.api.reconciliation.ReconciliationSummaryView;
import io.ledger.api.reconciliation.ReconciliationSummaryView.CurrencyReconciliationView;
import io.ledger.api.reconciliation.ReconciliationSummaryView.StatusTotalsView;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Puts the per currency and status sums of the read model into the summary's shape, one entry per currency. */
final class ReconciliationSummary {

    private ReconciliationSummary() {}

    /** The payments of one currency with one status: how many, their captured amount, their settlements' fees. */
    record Row(String currency, ReconciliationStatus status, long payments, long amount, long fees) {}

    static ReconciliationSummaryView of(FindReconciliationSummaryQuery query, Collection<Row> rows) {
        Map<String, Map<ReconciliationStatus, Row>> byCurrency = new TreeMap<>();
        for (Row row : rows) {
            byCurrency
                    .computeIfAbsent(row.currency(), currency -> new EnumMap<>(ReconciliationStatus.class))
                    .merge(row.status(), row, ReconciliationSummary::plus);
        }
        List<CurrencyReconciliationView> currencies = byCurrency.entrySet().stream()
                .map(entry -> currency(entry.getKey(), entry.getValue()))
                .toList();
        return new ReconciliationSummaryView(query.from(), query.to(), currencies);
    }

    private static CurrencyReconciliationView currency(String currency, Map<ReconciliationStatus, Row> byStatus) {
        long fees = byStatus.values().stream().mapToLong(Row::fees).reduce(0, Math::addExact);
        return new CurrencyReconciliationView(
                currency,
                totals(byStatus.get(ReconciliationStatus.MATCHED)),
                totals(byStatus.get(ReconciliationStatus.MISMATCHED)),
                totals(byStatus.get(ReconciliationStatus.UNRECONCILED)),
                fees);
    }

    private static StatusTotalsView totals(Row row) {
        return row == null ? StatusTotalsView.NONE : new StatusTotalsView(row.payments(), row.amount());
    }

    private static Row plus(Row a, Row b) {
        return new Row(
                a.currency(),
                a.status(),
                Math.addExact(a.payments(), b.payments()),
                Math.addExact(a.amount(), b.amount()),
                Math.addExact(a.fees(), b.fees()));
    }
}
