package io.ledger.api.payment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a payment stands. {@code CANCELED} and {@code REFUNDED} are final. */
public enum PaymentStatus {
    PENDING,
    PROCESSING,
    REQUIRES_ACTION,
    SUCCEEDED,
    FAILED,
    CANCELED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    /** The contract's spelling: {@code requires_action}. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Money was captured: the payment succeeded, whatever was refunded since. */
    public boolean isCaptured() {
        return this == SUCCEEDED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
