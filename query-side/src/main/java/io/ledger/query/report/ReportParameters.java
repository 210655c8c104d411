package io.ledger.query.report;

import io.ledger.api.money.CurrencyRules;
import io.ledger.api.report.FindPaymentReportQuery;
import io.ledger.query.payment.InvalidQueryParameter;
import io.ledger.query.web.QueryParameters;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * Reads {@code GET /api/payments/reports?from=&to=&currency=&format=}: ISO dates (UTC days, both included; by default
 * the 30 days up to today, as the stats), at most {@value #MAX_YEARS} years; an optional currency (ISO 4217 in either
 * case, one Stripe charges in); and {@code json} (default), {@code csv} or {@code pdf}.
 */
final class ReportParameters {

    static final int DEFAULT_DAYS = 30;

    /** The longest period a statement covers. */
    static final int MAX_YEARS = 100;

    private static final Set<String> KNOWN = Set.of("from", "to", "currency", "format");

    private ReportParameters() {}

    static ReportRequest request(MultiValueMap<String, String> parameters, LocalDate today) {
        QueryParameters read = new QueryParameters(parameters, KNOWN);
        QueryParameters.DayRange days = read.days(today, DEFAULT_DAYS);
        if (!days.to().isBefore(days.from().plusYears(MAX_YEARS))) {
            throw new InvalidQueryParameter("from", "must be less than " + MAX_YEARS + " years before to");
        }
        String currency = read.optional("currency", Function.identity(), null);
        if (currency != null && !CurrencyRules.isSupported(currency)) {
            throw new InvalidQueryParameter("currency", "must be an ISO 4217 code the ledger takes, such as usd");
        }
        String format = read.optional("format", Function.identity(), ReportFormat.JSON.code());
        if (!ReportFormat.isCode(format)) {
            throw new InvalidQueryParameter("format", "must be json, csv or pdf");
        }
        return new ReportRequest(
                new FindPaymentReportQuery(
                        days.from(), days.to(), currency == null ? null : currency.toLowerCase(Locale.ROOT)),
                ReportFormat.fromCode(format));
    }
}
