package io.ledger.api.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A saved payment method as clients see it: {@code default} whether it is the customer's default, {@code expired}
 * whether the card's expiry month is over.
 */
public record PaymentMethodView(
        String id,
        String type,
        Card card,
        @JsonProperty("default") boolean isDefault,
        boolean expired,
        Instant createdAt) {}
