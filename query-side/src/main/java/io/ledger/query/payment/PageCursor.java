package io.ledger.query.payment;

import io.ledger.api.paging.Cursor;
import io.ledger.api.paging.InvalidCursor;
import io.ledger.api.payment.PaymentSort;
import java.time.DateTimeException;
import java.time.ZoneOffset;

/**
 * The opaque position after the last payment of a page: the sort, the direction, the last sort value and the last
 * id. Keyset pagination on (value, id) is stable while payments are added, and never uses OFFSET.
 */
record PageCursor(PaymentSort sort, boolean ascending, String value, String paymentId) {

    /** The tag this list's cursors have always carried. */
    private static final String TAG = "1";

    String encode() {
        return Cursor.of(TAG, sort.name(), ascending ? "asc" : "desc", value, paymentId)
                .encode();
    }

    /** The cursor, checked against the sort it is used with; a foreign or damaged cursor is a bad request. */
    static PageCursor decode(String encoded, PaymentSort sort, boolean ascending) {
        Cursor cursor = Cursor.decode(encoded, TAG, 4);
        PageCursor page;
        try {
            page = new PageCursor(
                    PaymentSort.valueOf(cursor.text(0)), "asc".equals(cursor.text(1)), cursor.text(2), cursor.text(3));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor("is malformed");
        }
        if (page.sort != sort || page.ascending != ascending) {
            throw new InvalidCursor("belongs to another sort order");
        }
        try {
            page.sortValue();
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidCursor("is malformed");
        }
        return page;
    }

    Object sortValue() {
        return switch (sort) {
            case CREATED_AT -> PaymentListParameters.instant(value).atOffset(ZoneOffset.UTC);
            case AMOUNT -> Long.parseLong(value);
        };
    }
}
