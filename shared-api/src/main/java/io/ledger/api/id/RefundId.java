package io.ledger.api.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/** Identifies one refund of (part of) a payment. Written as `re_` followed by 24 base-62 characters. */
public record RefundId(@JsonValue String value) {

    public static final String PREFIX = "re_";

    public RefundId {
        Ids.require(PREFIX, value);
    }

    @JsonCreator
    public static RefundId of(String value) {
        return new RefundId(value);
    }

    public static RefundId newId() {
        return new RefundId(Ids.random(PREFIX));
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
