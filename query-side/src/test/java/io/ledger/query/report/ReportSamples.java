package io.ledger.query.report;

import io.ledger.api.ledger.AccountMovementView;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.report.CurrencyReportView;
import io.ledger.api.report.PaymentReportView;
import io.ledger.api.report.ReportCountsView;
import io.ledger.api.report.StatusCountView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Reports to write: figures chosen so that each appears once and can be found again. */
final class ReportSamples {

    static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    static final LocalDate TO = LocalDate.of(2026, 11, 30);
    static final Instant GENERATED_AT = Instant.parse("2026-12-01T08:30:00.123Z");

    private ReportSamples() {}

    /** USD with every figure set, then JPY (no minor unit). */
    static PaymentReportView twoCurrencies() {
        return new PaymentReportView(
                FROM,
                TO,
                GENERATED_AT,
                List.of(
                        new CurrencyReportView(
                                "usd",
                                new ReportCountsView(7, 5, 3, 1, 2),
                                statuses(1),
                                1_234_567,
                                20_000,
                                3_456,
                                45_000,
                                1_211_111,
                                List.of(
                                        account(
                                                "processor_clearing",
                                                "asset",
                                                "debit",
                                                "usd",
                                                10_000,
                                                1_234_567,
                                                600_000,
                                                644_567),
                                        account(
                                                "customer_payments",
                                                "revenue",
                                                "credit",
                                                "usd",
                                                -10_000,
                                                0,
                                                1_234_567,
                                                -1_244_567))),
                        new CurrencyReportView(
                                "jpy",
                                new ReportCountsView(1, 1, 0, 0, 0),
                                statuses(0),
                                5_000,
                                0,
                                0,
                                0,
                                5_000,
                                List.of(account("processor_clearing", "asset", "debit", "jpy", 0, 5_000, 0, 5_000)))));
    }

    static AccountMovementView account(
            String account,
            String type,
            String normalSide,
            String currency,
            long opening,
            long debits,
            long credits,
            long closing) {
        return new AccountMovementView(account, type, normalSide, currency, opening, debits, credits, closing);
    }

    /** Every status, counting {@code offset} + its position. */
    static List<StatusCountView> statuses(int offset) {
        return Arrays.stream(PaymentStatus.values())
                .map(status -> new StatusCountView(status, offset + status.ordinal()))
                .toList();
    }
}
