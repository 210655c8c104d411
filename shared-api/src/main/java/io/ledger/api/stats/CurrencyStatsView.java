package io.ledger.api.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * The figures of one currency (lowercase ISO 4217) over the asked range, with a series of every period in the range
 * and a breakdown by provider. Amounts of different currencies are never added up.
 */
public record CurrencyStatsView(
        String currency,
        @JsonUnwrapped StatsFiguresView totals,
        List<PeriodStatsView> series,
        List<ProviderStatsView> providers) {

    public CurrencyStatsView {
        series = List.copyOf(series);
        providers = List.copyOf(providers);
    }
}
