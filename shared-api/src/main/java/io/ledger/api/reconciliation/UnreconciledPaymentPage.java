package io.ledger.api.reconciliation;

import java.util.List;

/** One page of unreconciled payments and where the next one starts. */
public record UnreconciledPaymentPage(List<UnreconciledPaymentView> data, boolean hasMore, String nextCursor) {

    public UnreconciledPaymentPage {
        data = List.copyOf(data);
    }
}
