package io.ledger.app.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** A request's {@code X-Request-Id}: the caller's, when it sent a sane one, else a new UUID. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    /** Any visible ASCII and spaces, within reason: what a client's id may be, and still safe in logs and metadata. */
    private static final Pattern SANE = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private RequestIds() {}

    static String of(String given) {
        return given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }
}
