package io.ledger.api.stats;

import java.time.LocalDate;
import java.util.List;

/** The answer to {@link FindPaymentStatsQuery}: one entry per currency that saw any fact in the range. */
public record PaymentStatsView(
        LocalDate from, LocalDate to, StatsGrouping groupBy, List<CurrencyStatsView> currencies) {

    public PaymentStatsView {
        currencies = List.copyOf(currencies);
    }
}
