package io.ledger.api.id;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Makes and checks Stripe-style opaque ids: a type prefix, an underscore and 24 base-62 characters. */
final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern BODY = Pattern.compile("[0-9A-Za-z]{1,64}");

    private Ids() {}

    static String random(String prefix) {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + new String(chars);
    }

    static boolean isValid(String prefix, @Nullable String value) {
        return value != null
                && value.startsWith(prefix)
                && BODY.matcher(value.substring(prefix.length())).matches();
    }

    static String require(String prefix, @Nullable String value) {
        if (!isValid(prefix, value)) {
            throw new IllegalArgumentException("not a valid id with prefix " + prefix + ": " + value);
        }
        return value;
    }
}
