package io.ledger.app.security;

/**
 * The header names and values Spring Security's strict firewall lets through by default, checked with a loop over the
 * characters instead of the firewall's Unicode regular expressions: those ran on every header read of every call and
 * cost as much as checking the bearer token's signature (JFR, docs/performance.md). Same rule: every character an
 * assigned code point and no control character, but a tab within a value.
 */
final class HeaderCharacters {

    private HeaderCharacters() {}

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c < 0x7f) {
                continue; // printable ASCII, nearly every header
            }
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && c == '\t'))) {
                return false;
            }
        }
        return true;
    }
}
