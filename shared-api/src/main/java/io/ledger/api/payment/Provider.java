package io.ledger.api.payment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The payment provider that moves a payment's money. */
public enum Provider {
    SIMULATED,
    STRIPE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
