package io.ledger.query.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.payment.Provider;
import io.ledger.api.stats.CurrencyStatsView;
import io.ledger.api.stats.FindPaymentStatsQuery;
import io.ledger.api.stats.PaymentStatsView;
import io.ledger.api.stats.PeriodStatsView;
import io.ledger.api.stats.StatsGrouping;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsReportTest {

    // 2026-11-16 is a Monday, 2026-11-22 a Sunday.
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);
    private static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);

    @Test
    void periodsStartOnTheDayTheMondayOrTheFirstOfTheMonth() {
        assertThat(StatsReport.periodStart(SUNDAY, StatsGrouping.DAY)).isEqualTo(SUNDAY);
        assertThat(StatsReport.periodStart(SUNDAY, StatsGrouping.WEEK)).isEqualTo(MONDAY);
        assertThat(StatsReport.periodStart(MONDAY, StatsGrouping.WEEK)).isEqualTo(MONDAY);
        assertThat(StatsReport.periodStart(SUNDAY, StatsGrouping.MONTH)).isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void periodCountCountsEveryPeriodTheRangeTouches() {
        assertThat(StatsReport.periodCount(MONDAY, SUNDAY, StatsGrouping.DAY)).isEqualTo(7);
        assertThat(StatsReport.periodCount(MONDAY, SUNDAY, StatsGrouping.WEEK)).isEqualTo(1);
        assertThat(StatsReport.periodCount(SUNDAY, SUNDAY.plusDays(1), StatsGrouping.WEEK))
                .isEqualTo(2);
        assertThat(StatsReport.periodCount(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 1), StatsGrouping.MONTH))
                .isEqualTo(3);
    }

    @Test
    void theSeriesHasEveryPeriodOfTheRangeWithZerosWhereNothingHappened() {
        PaymentStatsView stats = StatsReport.of(
                query(MONDAY, SUNDAY, StatsGrouping.DAY),
                List.of(bucket(MONDAY.plusDays(2), "usd", Provider.SIMULATED, BucketFigures.CREATED)));

        List<PeriodStatsView> series = only(stats).series();
        assertThat(series).extracting(PeriodStatsView::periodStart).containsExactly(days(MONDAY, 7));
        assertThat(series).extracting(period -> period.figures().count()).containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 0L);
        assertThat(series.get(0).figures().successRate()).isNull();
    }

    @Test
    void daysAreSummedIntoTheirIsoWeekAndTheFirstWeekIsLabelledWithItsMonday() {
        LocalDate thursday = MONDAY.plusDays(3);
        PaymentStatsView stats = StatsReport.of(
                query(thursday, SUNDAY.plusDays(2), StatsGrouping.WEEK),
                List.of(
                        bucket(thursday, "usd", Provider.SIMULATED, BucketFigures.succeeded(1_000)),
                        bucket(SUNDAY, "usd", Provider.SIMULATED, BucketFigures.succeeded(2_000)),
                        bucket(SUNDAY.plusDays(1), "usd", Provider.SIMULATED, BucketFigures.succeeded(4_000))));

        List<PeriodStatsView> series = only(stats).series();
        assertThat(series).extracting(PeriodStatsView::periodStart).containsExactly(MONDAY, MONDAY.plusWeeks(1));
        assertThat(series).extracting(period -> period.figures().grossVolume()).containsExactly(3_000L, 4_000L);
        assertThat(only(stats).totals().grossVolume()).isEqualTo(7_000);
    }

    @Test
    void daysAreSummedIntoTheirMonth() {
        PaymentStatsView stats = StatsReport.of(
                query(LocalDate.of(2026, 10, 15), LocalDate.of(2026, 11, 22), StatsGrouping.MONTH),
                List.of(
                        bucket(LocalDate.of(2026, 10, 31), "usd", Provider.SIMULATED, BucketFigures.FAILED),
                        bucket(LocalDate.of(2026, 11, 1), "usd", Provider.SIMULATED, BucketFigures.FAILED),
                        bucket(LocalDate.of(2026, 11, 22), "usd", Provider.SIMULATED, BucketFigures.FAILED)));

        assertThat(only(stats).series())
                .extracting(
                        PeriodStatsView::periodStart, period -> period.figures().failed())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 10, 1), 1L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 1), 2L));
    }

    @Test
    void currenciesAreNeverAddedUp() {
        PaymentStatsView stats = StatsReport.of(
                query(MONDAY, SUNDAY, StatsGrouping.DAY),
                List.of(
                        bucket(MONDAY, "usd", Provider.SIMULATED, BucketFigures.succeeded(1_000)),
                        bucket(MONDAY, "eur", Provider.SIMULATED, BucketFigures.succeeded(900)),
                        bucket(SUNDAY, "usd", Provider.STRIPE, BucketFigures.succeeded(500))));

        assertThat(stats.currencies()).extracting(CurrencyStatsView::currency).containsExactly("eur", "usd");
        assertThat(stats.currencies())
                .extracting(currency -> currency.totals().grossVolume())
                .containsExactly(900L, 1_500L);
    }

    @Test
    void providersAreBrokenDownWithinTheirCurrency() {
        PaymentStatsView stats = StatsReport.of(
                query(MONDAY, SUNDAY, StatsGrouping.DAY),
                List.of(
                        bucket(MONDAY, "usd", Provider.STRIPE, BucketFigures.succeeded(1_000)),
                        bucket(MONDAY, "usd", Provider.SIMULATED, BucketFigures.FAILED),
                        bucket(SUNDAY, "usd", Provider.STRIPE, BucketFigures.fee(30))));

        CurrencyStatsView usd = only(stats);
        assertThat(usd.providers())
                .extracting(
                        provider -> provider.provider().code(),
                        provider -> provider.figures().netVolume())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("simulated", 0L),
                        org.assertj.core.groups.Tuple.tuple("stripe", 970L));
        assertThat(usd.totals().successRate()).isEqualTo("0.5000");
    }

    @Test
    void bucketsOutsideTheRangeAreLeftOut() {
        PaymentStatsView stats = StatsReport.of(
                query(MONDAY, SUNDAY, StatsGrouping.WEEK),
                List.of(
                        bucket(MONDAY.minusDays(1), "usd", Provider.SIMULATED, BucketFigures.CREATED),
                        bucket(SUNDAY.plusDays(1), "eur", Provider.SIMULATED, BucketFigures.CREATED),
                        bucket(SUNDAY, "usd", Provider.SIMULATED, BucketFigures.CREATED)));

        assertThat(stats.currencies()).extracting(CurrencyStatsView::currency).containsExactly("usd");
        assertThat(only(stats).totals().count()).isEqualTo(1);
    }

    @Test
    void noBucketsMeansNoCurrencies() {
        assertThat(StatsReport.of(query(MONDAY, SUNDAY, StatsGrouping.DAY), List.of())
                        .currencies())
                .isEmpty();
    }

    private static FindPaymentStatsQuery query(LocalDate from, LocalDate to, StatsGrouping groupBy) {
        return new FindPaymentStatsQuery(from, to, groupBy);
    }

    private static StatsReport.Bucket bucket(LocalDate day, String currency, Provider provider, BucketFigures figures) {
        return new StatsReport.Bucket(new BucketKey(day, currency, provider), figures);
    }

    private static CurrencyStatsView only(PaymentStatsView stats) {
        assertThat(stats.currencies()).hasSize(1);
        return stats.currencies().get(0);
    }

    private static LocalDate[] days(LocalDate first, int count) {
        return first.datesUntil(first.plusDays(count)).toArray(LocalDate[]::new);
    }
}
