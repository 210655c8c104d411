package io.ledger.webhook.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/** Where a page of dead letters ends: the last row's received-at and event id, as an opaque URL-safe string. */
record DeadLetterCursor(Instant receivedAt, String eventId) {

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((receivedAt + "|" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    static DeadLetterCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new DeadLetterCursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidParameter("cursor", "cursor is not a cursor this API returned.");
        }
    }
}
