package io.ledger.api.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of journal lines and where the next one starts. */
public record JournalLinePage(
        List<JournalLineView> data,
        boolean hasMore,
        @Nullable String nextCursor) {

    public JournalLinePage {
        data = List.copyOf(data);
    }
}
