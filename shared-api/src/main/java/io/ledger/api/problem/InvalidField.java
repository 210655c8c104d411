package io.ledger.api.problem;

import java.util.Objects;

/**
 * One field at fault in a {@code validation_failed} problem: a body field ({@code metadata.k1}, {@code payments[2]}), a
 * query parameter or a header, and what is wrong with it.
 */
public record InvalidField(String field, String message) {

    public InvalidField {
        Objects.requireNonNull(field, "field");
        message = message == null || message.isBlank() ? "is invalid" : message;
    }
}
