package io.ledger.query.stats;

import io.ledger.api.payment.Provider;
import io.ledger.api.stats.CurrencyStatsView;
import io.ledger.api.stats.FindPaymentStatsQuery;
import io.ledger.api.stats.PaymentStatsView;
import io.ledger.api.stats.PeriodStatsView;
import io.ledger.api.stats.ProviderStatsView;
import io.ledger.api.stats.StatsGrouping;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums day buckets into the stats answer: per currency its totals, a series with every period of the range (zeros
 * where nothing happened) and a breakdown by provider. Amounts of different currencies are never added up.
 */
final class StatsReport {

    /** The longest series an answer has. */
    static final int MAX_PERIODS = 1000;

    private StatsReport() {}

    /** A bucket as read from the table. */
    record Bucket(BucketKey key, BucketFigures figures) {}

    static PaymentStatsView of(FindPaymentStatsQuery query, Collection<Bucket> buckets) {
        Map<String, List<Bucket>> byCurrency = new TreeMap<>();
        for (Bucket bucket : buckets) {
            LocalDate day = bucket.key().day();
            if (!day.isBefore(query.from()) && !day.isAfter(query.to())) {
                byCurrency
                        .computeIfAbsent(bucket.key().currency(), currency -> new ArrayList<>())
                        .add(bucket);
            }
        }
        List<CurrencyStatsView> currencies = byCurrency.entrySet().stream()
                .map(entry -> currency(entry.getKey(), entry.getValue(), query))
                .toList();
        return new PaymentStatsView(query.from(), query.to(), query.groupBy(), currencies);
    }

    private static CurrencyStatsView currency(String currency, List<Bucket> buckets, FindPaymentStatsQuery query) {
        BucketFigures totals = BucketFigures.ZERO;
        Map<LocalDate, BucketFigures> periods = new LinkedHashMap<>();
        periodStarts(query.from(), query.to(), query.groupBy())
                .forEach(start -> periods.put(start, BucketFigures.ZERO));
        Map<Provider, BucketFigures> providers = new EnumMap<>(Provider.class);
        for (Bucket bucket : buckets) {
            totals = totals.plus(bucket.figures());
            periods.merge(periodStart(bucket.key().day(), query.groupBy()), bucket.figures(), BucketFigures::plus);
            providers.merge(bucket.key().provider(), bucket.figures(), BucketFigures::plus);
        }
        return new CurrencyStatsView(
                currency,
                totals.view(),
                periods.entrySet().stream()
                        .map(period -> new PeriodStatsView(
                                period.getKey(), period.getValue().view()))
                        .toList(),
                providers.entrySet().stream()
                        .map(provider -> new ProviderStatsView(
                                provider.getKey(), provider.getValue().view()))
                        .toList());
    }

    /** The first day of the period that holds {@code day}: the day, the Monday of its ISO week, the 1st of its month. */
    static LocalDate periodStart(LocalDate day, StatsGrouping groupBy) {
        return switch (groupBy) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** How many periods the days {@code from} to {@code to} touch. */
    static long periodCount(LocalDate from, LocalDate to, StatsGrouping groupBy) {
        return unit(groupBy).between(periodStart(from, groupBy), periodStart(to, groupBy)) + 1;
    }

    static List<LocalDate> periodStarts(LocalDate from, LocalDate to, StatsGrouping groupBy) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = periodStart(from, groupBy); !start.isAfter(to); start = start.plus(1, unit(groupBy))) {
            starts.add(start);
        }
        return starts;
    }

    private static ChronoUnit unit(StatsGrouping groupBy) {
        return switch (groupBy) {
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH -> ChronoUnit.MONTHS;
        };
    }
}
