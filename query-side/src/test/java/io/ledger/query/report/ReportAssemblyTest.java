package io.ledger.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.ledger.AccountMovementView;
import io.ledger.api.ledger.AccountMovementsView;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.report.CurrencyReportView;
import io.ledger.api.report.FindPaymentReportQuery;
import io.ledger.api.report.PaymentReportView;
import io.ledger.api.report.ReportCountsView;
import io.ledger.api.report.StatusCountView;
import io.ledger.api.stats.CurrencyStatsView;
import io.ledger.api.stats.PaymentStatsView;
import io.ledger.api.stats.StatsFiguresView;
import io.ledger.api.stats.StatsGrouping;
import io.ledger.query.report.PaymentActivity.Disputes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportAssemblyTest {

    private static final FindPaymentReportQuery EVERY_CURRENCY =
            new FindPaymentReportQuery(ReportSamples.FROM, ReportSamples.TO, null);

    @Test
    void theFiguresAreTheStatsTheAccountsTheJournalsAndTheStatusesAndDisputesThePaymentHistorys() {
        PaymentReportView report = ReportAssembly.of(
                EVERY_CURRENCY,
                ReportSamples.GENERATED_AT,
                stats(Map.of("usd", new StatsFiguresView(5, 4, 2, 1, "0.6667", 20_000, 2_500, 470, 17_030))),
                movements(clearing("usd", 100, 20_000, 12_500)),
                Map.of("usd", Map.of(PaymentStatus.SUCCEEDED, 2L, PaymentStatus.PARTIALLY_REFUNDED, 1L)),
                Map.of("usd", new Disputes(1, 3_000)));

        assertThat(report.from()).isEqualTo(ReportSamples.FROM);
        assertThat(report.to()).isEqualTo(ReportSamples.TO);
        assertThat(report.generatedAt()).isEqualTo(ReportSamples.GENERATED_AT);
        CurrencyReportView usd = report.currencies().get(0);
        assertThat(usd.currency()).isEqualTo("usd");
        assertThat(usd.counts()).isEqualTo(new ReportCountsView(5, 4, 2, 1, 1));
        assertThat(List.of(usd.gross(), usd.refunded(), usd.fees(), usd.disputed(), usd.net()))
                .containsExactly(20_000L, 2_500L, 470L, 3_000L, 17_030L);
        assertThat(usd.statuses()).extracting(StatusCountView::status).containsExactly(PaymentStatus.values());
        assertThat(usd.statuses()).extracting(StatusCountView::count).containsExactly(0L, 0L, 0L, 2L, 0L, 0L, 1L, 0L);
        assertThat(usd.accounts()).containsExactly(clearing("usd", 100, 20_000, 12_500));
    }

    @Test
    void everyCurrencyAnyReadModelKnowsIsReportedInAlphabeticalOrder() {
        PaymentReportView report = ReportAssembly.of(
                EVERY_CURRENCY,
                ReportSamples.GENERATED_AT,
                stats(Map.of("usd", new StatsFiguresView(1, 0, 0, 0, null, 0, 0, 0, 0))),
                movements(clearing("chf", 500, 0, 0)),
                Map.of("eur", Map.of(PaymentStatus.PENDING, 1L)),
                Map.of("aud", new Disputes(1, 700)));

        assertThat(report.currencies())
                .extracting(CurrencyReportView::currency)
                .containsExactly("aud", "chf", "eur", "usd");
        CurrencyReportView chf = report.currencies().get(1);
        assertThat(chf.counts()).isEqualTo(new ReportCountsView(0, 0, 0, 0, 0));
        assertThat(List.of(chf.gross(), chf.refunded(), chf.fees(), chf.disputed(), chf.net()))
                .containsOnly(0L);
        assertThat(chf.accounts()).containsExactly(clearing("chf", 500, 0, 0));
    }

    @Test
    void anAskedCurrencyIsReportedAloneEvenWhenNothingHappenedInIt() {
        PaymentReportView report = ReportAssembly.of(
                new FindPaymentReportQuery(ReportSamples.FROM, ReportSamples.TO, "sek"),
                ReportSamples.GENERATED_AT,
                stats(Map.of("usd", new StatsFiguresView(1, 0, 0, 0, null, 0, 0, 0, 0))),
                movements(clearing("sek", 0, 0, 0)),
                Map.of(),
                Map.of());

        assertThat(report.currencies()).extracting(CurrencyReportView::currency).containsExactly("sek");
        assertThat(report.currencies().get(0).statuses())
                .extracting(StatusCountView::count)
                .containsOnly(0L);
    }

    private static PaymentStatsView stats(Map<String, StatsFiguresView> totals) {
        return new PaymentStatsView(
                ReportSamples.FROM,
                ReportSamples.TO,
                StatsGrouping.MONTH,
                totals.entrySet().stream()
                        .map(entry -> new CurrencyStatsView(entry.getKey(), entry.getValue(), List.of(), List.of()))
                        .toList());
    }

    private static AccountMovementsView movements(AccountMovementView... accounts) {
        return new AccountMovementsView(ReportSamples.FROM, ReportSamples.TO, List.of(accounts));
    }

    private static AccountMovementView clearing(String currency, long opening, long debits, long credits) {
        return ReportSamples.account(
                "processor_clearing", "asset", "debit", currency, opening, debits, credits, opening + debits - credits);
    }
}
