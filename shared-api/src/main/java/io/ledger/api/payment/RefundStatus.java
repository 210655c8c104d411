package io.ledger.api.payment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A refund is pending until the provider says it settled or failed. */
public enum RefundStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
