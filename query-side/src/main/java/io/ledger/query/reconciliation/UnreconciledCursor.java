package io.ledger.query.reconciliation;

import io.ledger.api.paging.Cursor;
import io.ledger.api.paging.InvalidCursor;
import java.time.Instant;

/**
 * The opaque position after the last payment of an unreconciled page: its success time and id. Keyset pagination on
 * (succeeded_at, payment_id) is stable while payments come and go, and never uses OFFSET.
 */
record UnreconciledCursor(Instant succeededAt, String paymentId) {

    /** The tag this list's cursors have always carried. */
    private static final String TAG = "u1";

    String encode() {
        return Cursor.of(TAG, succeededAt.toString(), paymentId).encode();
    }

    /** A foreign or damaged cursor is a bad request. */
    static UnreconciledCursor decode(String encoded) {
        Cursor cursor = Cursor.decode(encoded, TAG, 2);
        if (cursor.text(1).isEmpty()) {
            throw new InvalidCursor("is not a cursor of this list");
        }
        return new UnreconciledCursor(cursor.instant(0), cursor.text(1));
    }
}
