package io.ledger.query.report;

import io.ledger.api.ledger.AccountMovementView;
import io.ledger.api.report.CurrencyReportView;
import io.ledger.api.report.PaymentReportView;
import io.ledger.api.report.ReportCountsView;
import io.ledger.api.report.StatusCountView;
import java.util.Locale;

/**
 * A report as a printable statement: the period, then per currency its amounts, counts, statuses and accounts, in the
 * currency's major unit ({@link PrintedAmount}); the same figures as the JSON and CSV, laid out for people.
 */
final class ReportPdf {

    private static final String FIGURE = "%-44s%22s";
    private static final String ACCOUNT = "%-26s%16s%16s%16s%16s";

    private ReportPdf() {}

    static byte[] render(PaymentReportView report) {
        String period = report.from() + " to " + report.to();
        try (PdfPages pages = new PdfPages("Payment statement " + period)) {
            pages.title("Payment statement");
            pages.text("Period: " + period + " (UTC days, both included)");
            pages.text("Generated at " + report.generatedAt());
            pages.text("Amounts are in each currency's major unit. Net is gross less refunds and fees; disputed");
            pages.text("amounts are shown beside it. Balances are debits less credits, as in the trial balance.");
            if (report.currencies().isEmpty()) {
                pages.space();
                pages.text("Nothing happened in this period: no payment, no journal entry.");
            }
            for (CurrencyReportView currency : report.currencies()) {
                currency(pages, currency);
            }
            return pages.finish("Payment statement " + period, PdfPages.utc(report.generatedAt()));
        }
    }

    private static void currency(PdfPages pages, CurrencyReportView report) {
        String code = report.currency();
        pages.section(code.toUpperCase(Locale.ROOT));
        pages.heading("Amounts");
        amount(pages, "Gross (captured)", report.gross(), code);
        amount(pages, "Refunded", report.refunded(), code);
        amount(pages, "Fees", report.fees(), code);
        amount(pages, "Net", report.net(), code);
        amount(pages, "Disputed", report.disputed(), code);
        pages.heading("Counts");
        ReportCountsView counts = report.counts();
        count(pages, "Payments created", counts.created());
        count(pages, "Payments succeeded", counts.succeeded());
        count(pages, "Failed attempts", counts.failed());
        count(pages, "Payments canceled", counts.canceled());
        count(pages, "Disputes opened", counts.disputes());
        pages.heading("Payments created in the period, by status now");
        for (StatusCountView status : report.statuses()) {
            count(pages, status.status().code(), status.count());
        }
        pages.heading("Accounts");
        pages.row(String.format(Locale.ROOT, ACCOUNT, "Account", "Opening", "Debits", "Credits", "Closing"));
        for (AccountMovementView account : report.accounts()) {
            pages.row(String.format(
                    Locale.ROOT,
                    ACCOUNT,
                    account.account(),
                    PrintedAmount.of(account.opening(), code),
                    PrintedAmount.of(account.debits(), code),
                    PrintedAmount.of(account.credits(), code),
                    PrintedAmount.of(account.closing(), code)));
        }
    }

    private static void amount(PdfPages pages, String label, long minor, String currency) {
        pages.row(String.format(Locale.ROOT, FIGURE, label, PrintedAmount.of(minor, currency)));
    }

    private static void count(PdfPages pages, String label, long count) {
        pages.row(String.format(Locale.ROOT, FIGURE, label, PrintedAmount.count(count)));
    }
}
