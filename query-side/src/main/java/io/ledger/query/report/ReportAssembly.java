package io.ledger.query.report;

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
import io.ledger.query.report.PaymentActivity.Disputes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Puts a statement together from what the read models answered for the same days. Nothing is computed twice: the
 * counts and volumes are the stats' figures, the accounts the journal's, the statuses and disputes the payment
 * history's. A currency is in the statement when it is asked for, or else when any of them knows it.
 */
final class ReportAssembly {

    private static final StatsFiguresView NOTHING = new StatsFiguresView(0, 0, 0, 0, null, 0, 0, 0, 0);

    private ReportAssembly() {}

    static PaymentReportView of(
            FindPaymentReportQuery query,
            Instant generatedAt,
            PaymentStatsView stats,
            AccountMovementsView accounts,
            Map<String, Map<PaymentStatus, Long>> statuses,
            Map<String, Disputes> disputes) {
        Map<String, StatsFiguresView> totals = stats.currencies().stream()
                .collect(Collectors.toMap(CurrencyStatsView::currency, CurrencyStatsView::totals));
        Map<String, List<AccountMovementView>> accountsOf =
                accounts.accounts().stream().collect(Collectors.groupingBy(AccountMovementView::currency));
        SortedSet<String> currencies = new TreeSet<>();
        if (query.currency() != null) {
            currencies.add(query.currency());
        } else {
            currencies.addAll(totals.keySet());
            currencies.addAll(accountsOf.keySet());
            currencies.addAll(statuses.keySet());
            currencies.addAll(disputes.keySet());
        }
        List<CurrencyReportView> reports = currencies.stream()
                .map(currency -> currency(
                        currency,
                        totals.getOrDefault(currency, NOTHING),
                        accountsOf.getOrDefault(currency, List.of()),
                        statuses.getOrDefault(currency, Map.of()),
                        disputes.getOrDefault(currency, Disputes.NONE)))
                .toList();
        return new PaymentReportView(query.from(), query.to(), generatedAt, reports);
    }

    private static CurrencyReportView currency(
            String currency,
            StatsFiguresView figures,
            List<AccountMovementView> accounts,
            Map<PaymentStatus, Long> statuses,
            Disputes disputes) {
        return new CurrencyReportView(
                currency,
                new ReportCountsView(
                        figures.count(), figures.succeeded(), figures.failed(), figures.canceled(), disputes.count()),
                Arrays.stream(PaymentStatus.values())
                        .map(status -> new StatusCountView(status, statuses.getOrDefault(status, 0L)))
                        .toList(),
                figures.grossVolume(),
                figures.refundedVolume(),
                figures.feeVolume(),
                disputes.amount(),
                figures.netVolume(),
                accounts);
    }
}
