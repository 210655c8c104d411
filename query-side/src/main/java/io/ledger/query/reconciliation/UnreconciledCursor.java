package io.ledger.query.reconciliation;

import io.ledger.query.payment.InvalidQueryParameter;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque position after the last payment of an unreconciled page: its success time and id. Keyset pagination on
 * (succeeded_at, payment_id) is stable while payments come and go, and never uses OFFSET.
 */
record UnreconciledCursor(Instant succeededAt, String paymentId) {

    private static final String VERSION = "u1";

    String encode() {
        String plain = String.join("|", VERSION, succeededAt.toString(), paymentId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A foreign or damaged cursor is a bad request. */
    static UnreconciledCursor decode(String encoded) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
                throw new InvalidQueryParameter("cursor", "is not a cursor of this list");
            }
            return new UnreconciledCursor(Instant.parse(parts[1]), parts[2]);
        } catch (InvalidQueryParameter e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidQueryParameter("cursor", "is malformed");
        }
    }
}
