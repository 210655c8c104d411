package io.ledger.api.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The chart of accounts in its fixed order. The chart is small, so it is always one page: {@code hasMore} is false and
 * {@code nextCursor} null, in the shape of every list of the contract.
 */
public record AccountListView(
        List<AccountView> data, boolean hasMore, @Nullable String nextCursor) {

    public AccountListView {
        data = List.copyOf(data);
    }

    public static AccountListView of(List<AccountView> accounts) {
        return new AccountListView(accounts, false, null);
    }
}
