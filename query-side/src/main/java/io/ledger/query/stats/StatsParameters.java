package io.ledger.query.stats;

import io.ledger.api.stats.FindPaymentStatsQuery;
import io.ledger.api.stats.StatsGrouping;
import io.ledger.query.payment.InvalidQueryParameter;
import io.ledger.query.web.QueryParameters;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * Reads {@code GET /api/payments/stats?from=&to=&groupBy=}: ISO dates (UTC days, both included; by default the 30
 * days up to today) and {@code day}, {@code week} or {@code month} (default {@code day}).
 */
final class StatsParameters {

    static final int DEFAULT_DAYS = 30;

    private static final Set<String> KNOWN = Set.of("from", "to", "groupBy");

    private StatsParameters() {}

    static FindPaymentStatsQuery query(MultiValueMap<String, String> parameters, LocalDate today) {
        QueryParameters read = new QueryParameters(parameters, KNOWN);
        QueryParameters.DayRange days = read.days(today, DEFAULT_DAYS);
        StatsGrouping groupBy = read.optional(
                "groupBy",
                value -> switch (value) {
                    case "day" -> StatsGrouping.DAY;
                    case "week" -> StatsGrouping.WEEK;
                    case "month" -> StatsGrouping.MONTH;
                    default -> throw new IllegalArgumentException();
                },
                StatsGrouping.DAY);
        if (StatsReport.periodCount(days.from(), days.to(), groupBy) > StatsReport.MAX_PERIODS) {
            throw new InvalidQueryParameter(
                    "from",
                    "makes more than " + StatsReport.MAX_PERIODS + " periods of " + groupBy.code()
                            + "; choose a shorter range or a longer groupBy");
        }
        return new FindPaymentStatsQuery(days.from(), days.to(), groupBy);
    }
}
