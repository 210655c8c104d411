package io.ledger.api.stats;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;

/**
 * The figures of one period of a series: the period starting on {@code periodStart} (a day, the Monday of an ISO week,
 * the first of a month), counting only the days of the period inside the asked range.
 */
public record PeriodStatsView(
        LocalDate periodStart, @JsonUnwrapped StatsFiguresView figures) {}
