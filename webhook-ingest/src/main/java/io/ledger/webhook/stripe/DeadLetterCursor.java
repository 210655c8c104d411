package io.ledger.webhook.stripe;

import io.ledger.api.paging.Cursor;
import java.time.Instant;

/** Where a page of dead letters ends: the last row's received-at and event id, as an opaque URL-safe string. */
record DeadLetterCursor(Instant receivedAt, String eventId) {

    private static final String TAG = "d1";

    String encode() {
        return Cursor.of(TAG, receivedAt.toString(), eventId).encode();
    }

    /** A foreign or damaged cursor is a bad request. */
    static DeadLetterCursor decode(String encoded) {
        Cursor cursor = Cursor.decode(encoded, TAG, 2);
        return new DeadLetterCursor(cursor.instant(0), cursor.text(1));
    }
}
