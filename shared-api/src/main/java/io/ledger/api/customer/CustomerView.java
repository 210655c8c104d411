package io.ledger.api.customer;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A customer as clients see it. */
public record CustomerView(
        String id,
        @Nullable String email,
        @Nullable String name,
        @Nullable String defaultPaymentMethod,
        String providerCustomerId,
        Instant createdAt,
        Instant updatedAt) {}
