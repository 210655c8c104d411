package io.ledger.api.payment;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A dispute is open until the card network decides it for the merchant (won) or the customer (lost). */
public enum DisputeStatus {
    OPEN,
    WON,
    LOST;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
