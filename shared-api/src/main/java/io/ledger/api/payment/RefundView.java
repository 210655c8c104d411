package io.ledger.api.payment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One refund of a payment as clients see it. */
public record RefundView(
        String id,
        String paymentId,
        long amount,
        String currency,
        RefundStatus status,
        @Nullable String reason,
        Instant createdAt) {}
