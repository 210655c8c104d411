package io.ledger.api.report;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ask for the statement of the UTC days {@code from} to {@code to}, both included: of one {@code currency} (lowercase
 * ISO 4217), or of every currency that saw anything when null. Answered with a {@link PaymentReportView}.
 */
public record FindPaymentReportQuery(
        LocalDate from, LocalDate to, @Nullable String currency) {

    public FindPaymentReportQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from is after to");
        }
    }
}
