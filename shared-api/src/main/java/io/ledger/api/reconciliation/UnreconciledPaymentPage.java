package io.ledger.api.reconciliation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of unreconciled payments and where the next one starts. */
public record UnreconciledPaymentPage(
        List<UnreconciledPaymentView> data,
        boolean hasMore,
        @Nullable String nextCursor) {

    public UnreconciledPaymentPage {
        data = List.copyOf(data);
    }
}
