package io.ledger.api.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The statement of the UTC days {@code from} to {@code to} (both included), made at {@code generatedAt}: one entry
 * per currency, in alphabetical order. Amounts of different currencies are never added up.
 */
public record PaymentReportView(
        LocalDate from, LocalDate to, Instant generatedAt, List<CurrencyReportView> currencies) {

    public PaymentReportView {
        currencies = List.copyOf(currencies);
    }
}
