package io.ledger.api.reconciliation;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ask for one page of captured payments that have no matched settlement and succeeded before
 * {@code succeededBefore}, oldest first. {@code cursor} is a previous page's {@code nextCursor}, or null for the first
 * page. Answered with an {@link UnreconciledPaymentPage}.
 */
public record ListUnreconciledPaymentsQuery(
        Instant succeededBefore, int limit, @Nullable String cursor) {

    public ListUnreconciledPaymentsQuery {
        Objects.requireNonNull(succeededBefore, "succeededBefore");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }
}
