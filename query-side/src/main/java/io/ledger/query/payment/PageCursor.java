package io.ledger.query.payment;

import io.ledger.api.payment.PaymentSort;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The opaque position after the last payment of a page: the sort, the direction, the last sort value and the last
 * id. Keyset pagination on (value, id) is stable while payments are added, and never uses OFFSET.
 */
record PageCursor(PaymentSort sort, boolean ascending, String value, String paymentId) {

    private static final String VERSION = "1";

    String encode() {
        String plain = String.join("|", VERSION, sort.name(), ascending ? "asc" : "desc", value, paymentId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, checked against the sort it is used with; a foreign or damaged cursor is a bad request. */
    static PageCursor decode(String encoded, PaymentSort sort, boolean ascending) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || plain.indexOf('\0') >= 0) {
                throw new InvalidQueryParameter("cursor", "is not a cursor of this list");
            }
            PageCursor cursor =
                    new PageCursor(PaymentSort.valueOf(parts[1]), "asc".equals(parts[2]), parts[3], parts[4]);
            if (cursor.sort != sort || cursor.ascending != ascending) {
                throw new InvalidQueryParameter("cursor", "belongs to another sort order");
            }
            cursor.sortValue(); // checks the value parses
            return cursor;
        } catch (InvalidQueryParameter e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidQueryParameter("cursor", "is malformed");
        }
    }

    Object sortValue() {
        return switch (sort) {
            case CREATED_AT -> PaymentListParameters.instant(value).atOffset(ZoneOffset.UTC);
            case AMOUNT -> Long.parseLong(value);
        };
    }
}
