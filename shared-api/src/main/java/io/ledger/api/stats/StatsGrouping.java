package io.ledger.api.stats;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The periods a stats series is cut into: UTC days, ISO weeks (Monday to Sunday) or calendar months. */
public enum StatsGrouping {
    DAY,
    WEEK,
    MONTH;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
