package io.ledger.webhook.stripe;

/** A query parameter of an operator endpoint is malformed. */
class InvalidParameter extends RuntimeException {

    private final String field;

    InvalidParameter(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
