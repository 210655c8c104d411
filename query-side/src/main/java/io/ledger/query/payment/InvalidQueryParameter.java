package io.ledger.query.payment;

/** A query parameter that cannot be used: an unknown status, a limit out of range, a malformed cursor. */
public class InvalidQueryParameter extends IllegalArgumentException {

    private final String parameter;

    public InvalidQueryParameter(String parameter, String message) {
        super(parameter + " " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
