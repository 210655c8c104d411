package io.ledger.api.ledger;

import org.jspecify.annotations.Nullable;

/**
 * Ask for one page of an account's journal lines in posting order, oldest first. {@code cursor} is a previous page's
 * {@code nextCursor}, or null for the first page. Answered with a {@link JournalLinePage}.
 */
public record ListAccountEntriesQuery(
        String account, int limit, @Nullable String cursor) {}
