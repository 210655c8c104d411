package io.ledger.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/** Identifies a payment, from creation to its last refund and settlement. Written as `pay_` followed by 24 base-62 characters. */
public record PaymentId(@JsonValue String value) {

    public static final String PREFIX = "pay_";

    public PaymentId {
        Ids.require(PREFIX, value);
    }

    @JsonCreator
    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    public static PaymentId newId() {
        return new PaymentId(Ids.random(PREFIX));
    }

    public static boolean isValid(@Nullable String value) {
        return Ids.isValid(PREFIX, value);
    }

    /** The raw id: Axon uses it as the aggregate identifier. */
    @Override
    public String toString() {
        return value;
    }
}
