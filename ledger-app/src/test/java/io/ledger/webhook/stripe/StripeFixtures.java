package io.ledger.webhook.stripe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stripe objects and events shaped as Stripe sends them, from the templates in {@code src/test/resources/stripe}:
 * {@code ${name}} placeholders are replaced by raw JSON text (quote strings with {@link #q}).
 */
final class StripeFixtures {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private StripeFixtures() {}

    static String fill(String template, Map<String, Object> values) {
        String text = load(template);
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(template + " needs " + name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(name))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A JSON string literal, or {@code null}. */
    static String q(String text) {
        return text == null ? "null" : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String load(String template) {
        try (InputStream in = StripeFixtures.class.getResourceAsStream("/stripe/" + template + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + template);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
