package io.ledger.query.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.reconciliation.FindReconciliationSummaryQuery;
import io.ledger.api.reconciliation.ReconciliationSummaryView;
import io.ledger.api.reconciliation.ReconciliationSummaryView.CurrencyReconciliationView;
import io.ledger.api.reconciliation.ReconciliationSummaryView.StatusTotalsView;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationSummaryTest {

    private static final FindReconciliationSummaryQuery NOVEMBER =
            new FindReconciliationSummaryQuery(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

    @Test
    void eachCurrencyHasEveryStatusAndTheFeesOfItsSettlements() {
        ReconciliationSummaryView summary = ReconciliationSummary.of(
                NOVEMBER,
                List.of(
                        new ReconciliationSummary.Row("usd", ReconciliationStatus.MATCHED, 2, 15_000, 470),
                        new ReconciliationSummary.Row("usd", ReconciliationStatus.UNRECONCILED, 2, 5_000, 0),
                        new ReconciliationSummary.Row("eur", ReconciliationStatus.MISMATCHED, 1, 4_000, 100)));

        assertThat(summary.from()).isEqualTo(NOVEMBER.from());
        assertThat(summary.to()).isEqualTo(NOVEMBER.to());
        assertThat(summary.currencies())
                .containsExactly(
                        new CurrencyReconciliationView(
                                "eur",
                                StatusTotalsView.NONE,
                                new StatusTotalsView(1, 4_000),
                                StatusTotalsView.NONE,
                                100),
                        new CurrencyReconciliationView(
                                "usd",
                                new StatusTotalsView(2, 15_000),
                                StatusTotalsView.NONE,
                                new StatusTotalsView(2, 5_000),
                                470));
    }

    @Test
    void feesOfMatchedAndMismatchedSettlementsAddUp() {
        ReconciliationSummaryView summary = ReconciliationSummary.of(
                NOVEMBER,
                List.of(
                        new ReconciliationSummary.Row("usd", ReconciliationStatus.MATCHED, 1, 1_000, 30),
                        new ReconciliationSummary.Row("usd", ReconciliationStatus.MISMATCHED, 1, 2_000, 59)));

        assertThat(summary.currencies())
                .singleElement()
                .satisfies(usd -> assertThat(usd.feeTotal()).isEqualTo(89));
    }

    @Test
    void noPaymentsMeansNoCurrencies() {
        assertThat(ReconciliationSummary.of(NOVEMBER, List.of()).currencies()).isEmpty();
    }
}
