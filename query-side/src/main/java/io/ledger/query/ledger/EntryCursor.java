package io.ledger.query.ledger;

import io.ledger.api.paging.Cursor;
import io.ledger.api.paging.InvalidCursor;

/**
 * The opaque position after the last line of a page of an account's entries: the account, and the last line's event
 * position and line number. Keyset pagination on (global index, line number) is stable while lines are added.
 */
record EntryCursor(String account, long globalIndex, int lineNo) {

    /** The tag this list's cursors have always carried. */
    private static final String TAG = "1";

    String encode() {
        return Cursor.of(TAG, account, Long.toString(globalIndex), Integer.toString(lineNo))
                .encode();
    }

    /** The cursor, checked against the account it is used with; a foreign or damaged cursor is a bad request. */
    static EntryCursor decode(String encoded, String account) {
        Cursor cursor = Cursor.decode(encoded, TAG, 3);
        long lineNo = cursor.number(2);
        if (lineNo != (int) lineNo) {
            throw new InvalidCursor("is malformed");
        }
        if (!cursor.text(0).equals(account)) {
            throw new InvalidCursor("belongs to another account");
        }
        return new EntryCursor(cursor.text(0), cursor.number(1), (int) lineNo);
    }
}
