package io.ledger.api.payment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of payments and where the next one starts. */
public record PaymentPage(
        List<PaymentView> data, boolean hasMore, @Nullable String nextCursor) {}
