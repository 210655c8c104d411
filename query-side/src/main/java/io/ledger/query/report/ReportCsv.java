package io.ledger.query.report;

import io.ledger.api.ledger.AccountMovementView;
import io.ledger.api.report.CurrencyReportView;
import io.ledger.api.report.PaymentReportView;
import io.ledger.api.report.ReportCountsView;
import io.ledger.api.report.StatusCountView;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A report as RFC 4180 CSV with a header row: one row per figure, each naming its period, currency, section ({@code
 * count}, {@code status}, {@code amount}, {@code account}) and name. A figure's {@code value} is a count or an amount
 * in minor units; an account's row has its four balances instead. Every row stands on its own, so that the statements
 * of several periods can be put in one table.
 */
final class ReportCsv {

    static final String[] HEADER = {
        "from", "to", "currency", "section", "name", "value", "opening", "debits", "credits", "closing"
    };

    private ReportCsv() {}

    static String write(PaymentReportView report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (CurrencyReportView currency : report.currencies()) {
                Rows rows = new Rows(csv, report, currency.currency());
                ReportCountsView counts = currency.counts();
                rows.figure("count", "created", counts.created());
                rows.figure("count", "succeeded", counts.succeeded());
                rows.figure("count", "failed", counts.failed());
                rows.figure("count", "canceled", counts.canceled());
                rows.figure("count", "disputes", counts.disputes());
                for (StatusCountView status : currency.statuses()) {
                    rows.figure("status", status.status().code(), status.count());
                }
                rows.figure("amount", "gross", currency.gross());
                rows.figure("amount", "refunded", currency.refunded());
                rows.figure("amount", "fees", currency.fees());
                rows.figure("amount", "disputed", currency.disputed());
                rows.figure("amount", "net", currency.net());
                for (AccountMovementView account : currency.accounts()) {
                    rows.account(account);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The rows of one currency. */
    private record Rows(CSVPrinter csv, PaymentReportView report, String currency) {

        void figure(String section, String name, long value) throws IOException {
            csv.printRecord(report.from(), report.to(), currency, section, name, value, null, null, null, null);
        }

        void account(AccountMovementView account) throws IOException {
            csv.printRecord(
                    report.from(),
                    report.to(),
                    currency,
                    "account",
                    account.account(),
                    null,
                    account.opening(),
                    account.debits(),
                    account.credits(),
                    account.closing());
        }
    }
}
