package io.ledger.api.payment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One dispute of a payment as clients see it: the amount and fee the provider withdrew when it opened, and how it ended
 * ({@code closedAt} null while open).
 */
public record DisputeView(
        String id,
        String paymentId,
        long amount,
        long fee,
        String currency,
        DisputeStatus status,
        @Nullable String reason,
        Instant openedAt,
        @Nullable Instant closedAt) {}
