package io.ledger.query.ledger;

import io.ledger.query.payment.InvalidQueryParameter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque position after the last line of a page of an account's entries: the account, and the last line's event
 * position and line number. Keyset pagination on (global index, line number) is stable while lines are added.
 */
record EntryCursor(String account, long globalIndex, int lineNo) {

    private static final String VERSION = "1";

    String encode() {
        String plain = String.join("|", VERSION, account, Long.toString(globalIndex), Integer.toString(lineNo));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, checked against the account it is used with; a foreign or damaged cursor is a bad request. */
    static EntryCursor decode(String encoded, String account) {
        EntryCursor cursor;
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new InvalidQueryParameter("cursor", "is not a cursor of this list");
            }
            cursor = new EntryCursor(parts[1], Long.parseLong(parts[2]), Integer.parseInt(parts[3]));
        } catch (IllegalArgumentException e) {
            if (e instanceof InvalidQueryParameter invalid) {
                throw invalid;
            }
            throw new InvalidQueryParameter("cursor", "is malformed");
        }
        if (!cursor.account.equals(account)) {
            throw new InvalidQueryParameter("cursor", "belongs to another account");
        }
        return cursor;
    }
}
