package io.ledger.api.payment;

import org.jspecify.annotations.Nullable;

/**
 * Ask for one page of payments. {@code cursor} is the opaque position a previous page answered as
 * {@code nextCursor}, or null for the first page. Answered with a {@link PaymentPage}.
 */
public record ListPaymentsQuery(
        PaymentFilter filter,
        PaymentSort sort,
        boolean ascending,
        int limit,
        @Nullable String cursor) {}
