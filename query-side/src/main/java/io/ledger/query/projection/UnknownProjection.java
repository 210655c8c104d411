package io.ledger.query.projection;

/** No read model's processor has this name. */
public class UnknownProjection extends RuntimeException {

    public UnknownProjection(String name) {
        super("no projection named " + name);
    }
}
