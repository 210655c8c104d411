package io.ledger.api.paging;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The one encoding of every list's keyset cursor: the list's tag and the last row's fields, joined by {@code |} and
 * written as URL-safe base64 without padding. A field's own {@code %} and {@code |} are escaped as {@code %25} and
 * {@code %7C}; no field the ledger ever wrote held either, so every cursor handed out before this codec still decodes.
 * Cursors are opaque, not secret: a well-formed one only names a position in a list the caller may read anyway.
 */
public record Cursor(String tag, List<String> fields) {

    private static final char SEPARATOR = '|';

    public Cursor {
        fields = List.copyOf(fields);
    }

    public static Cursor of(String tag, String... fields) {
        return new Cursor(tag, List.of(fields));
    }

    public String encode() {
        StringBuilder plain = new StringBuilder(escape(tag));
        fields.forEach(field -> plain.append(SEPARATOR).append(escape(field)));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cursor, if it is one of this list ({@code tag}) with {@code size} fields; anything this codec did not write
     * for that list (not base64, another list's tag, fields missing or extra, a NUL character, which no database text
     * can hold) is an {@link InvalidCursor}.
     */
    public static Cursor decode(String encoded, String tag, int size) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursor("is malformed");
        }
        List<String> parts = split(plain);
        if (parts.size() != size + 1 || !parts.get(0).equals(tag) || plain.indexOf('\0') >= 0) {
            throw new InvalidCursor("is not a cursor of this list");
        }
        return new Cursor(tag, parts.subList(1, parts.size()));
    }

    public String text(int index) {
        return fields.get(index);
    }

    /** The field as a whole number; anything else is an {@link InvalidCursor}. */
    public long number(int index) {
        try {
            return Long.parseLong(fields.get(index));
        } catch (NumberFormatException e) {
            throw new InvalidCursor("is malformed");
        }
    }

    /** The field as an ISO-8601 instant; anything else is an {@link InvalidCursor}. */
    public Instant instant(int index) {
        try {
            return Instant.parse(fields.get(index));
        } catch (DateTimeException e) {
            throw new InvalidCursor("is malformed");
        }
    }

    private static String escape(String field) {
        return field.replace("%", "%25").replace("|", "%7C");
    }

    /** Splits at the separators and undoes {@link #escape}; a {@code %} that starts no escape is malformed. */
    private static List<String> split(String plain) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == SEPARATOR) {
                parts.add(part.toString());
                part.setLength(0);
            } else if (c == '%') {
                if (plain.startsWith("%25", i)) {
                    part.append('%');
                } else if (plain.startsWith("%7C", i)) {
                    part.append(SEPARATOR);
                } else {
                    throw new InvalidCursor("is malformed");
                }
                i += 2;
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
