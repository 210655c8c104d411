package io.ledger.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.stats.FindPaymentStatsQuery;
import io.ledger.api.stats.StatsGrouping;
import io.ledger.query.payment.InvalidQueryParameter;
import java.time.LocalDate;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class StatsParametersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void withoutParametersTheLastThirtyDaysUpToTodayByDay() {
        FindPaymentStatsQuery query = StatsParameters.query(parameters(), TODAY);

        assertThat(query).isEqualTo(new FindPaymentStatsQuery(LocalDate.of(2026, 10, 24), TODAY, StatsGrouping.DAY));
    }

    @Test
    void fromAndToAreIsoDatesBothIncluded() {
        FindPaymentStatsQuery query =
                StatsParameters.query(parameters("from", "2026-01-01", "to", "2026-01-01", "groupBy", "month"), TODAY);

        assertThat(query)
                .isEqualTo(new FindPaymentStatsQuery(
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), StatsGrouping.MONTH));
    }

    @Test
    void withOnlyToTheThirtyDaysEndingOnIt() {
        FindPaymentStatsQuery query = StatsParameters.query(parameters("to", "2026-03-01", "groupBy", "week"), TODAY);

        assertThat(query.from()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(query.groupBy()).isEqualTo(StatsGrouping.WEEK);
    }

    @Test
    void withOnlyFromUpToToday() {
        assertThat(StatsParameters.query(parameters("from", "2026-11-01"), TODAY)
                        .to())
                .isEqualTo(TODAY);
    }

    @Test
    void fromAfterToIsRejected() {
        rejected(parameters("from", "2026-11-02", "to", "2026-11-01"), "from");
        rejected(parameters("from", "2026-11-23"), "from");
    }

    @Test
    void anUnknownGroupByIsRejected() {
        rejected(parameters("groupBy", "year"), "groupBy");
        rejected(parameters("groupBy", "DAY"), "groupBy");
        rejected(parameters("groupBy", ""), "groupBy");
    }

    @Test
    void datesMustBeIsoDates() {
        rejected(parameters("from", "2026-11-22T00:00:00Z"), "from");
        rejected(parameters("to", "22/11/2026"), "to");
        rejected(parameters("to", "2026-02-30"), "to");
        rejected(parameters("from", "+10000-01-01"), "from");
    }

    @Test
    void unknownAndRepeatedParametersAreRejected() {
        rejected(parameters("currency", "usd"), "currency");
        MultiValueMap<String, String> twice = parameters("groupBy", "day");
        twice.add("groupBy", "week");
        rejected(twice, "groupBy");
    }

    @Test
    void aSeriesOfMoreThanAThousandPeriodsIsRejected() {
        rejected(parameters("from", "2020-01-01", "to", "2026-11-22", "groupBy", "day"), "from");
        assertThat(StatsParameters.query(parameters("from", "2020-01-01", "to", "2026-11-22", "groupBy", "week"), TODAY)
                        .groupBy())
                .isEqualTo(StatsGrouping.WEEK);
    }

    private static AbstractThrowableAssert<?, ?> rejected(MultiValueMap<String, String> parameters, String field) {
        return assertThatThrownBy(() -> StatsParameters.query(parameters, TODAY))
                .isInstanceOfSatisfying(
                        InvalidQueryParameter.class,
                        invalid -> assertThat(invalid.parameter()).isEqualTo(field));
    }

    private static MultiValueMap<String, String> parameters(String... namesAndValues) {
        MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }
}
