package io.ledger.api.payment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a settlement for a captured payment was seen, and whether its gross matched the captured amount. */
public enum ReconciliationStatus {
    UNRECONCILED,
    MATCHED,
    MISMATCHED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
