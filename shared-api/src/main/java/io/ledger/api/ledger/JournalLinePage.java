package io.ledger.api.ledger;

import java.util.List;

/** One page of journal lines and where the next one starts. */
public record JournalLinePage(List<JournalLineView> data, boolean hasMore, String nextCursor) {

    public JournalLinePage {
        data = List.copyOf(data);
    }
}
