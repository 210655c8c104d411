package io.ledger.api.metadata;

import com.fasterxml.jackson.annotation.JsonValue;

/** By which road an event came, as its metadata's {@link EventMetadata#SOURCE} records it (the wire value). */
public enum Source {
    /** A call to the ledger's HTTP API. */
    API("api"),
    /** A Stripe webhook. */
    WEBHOOK("webhook"),
    /** The janitor, which asks Stripe about what is still awaited. */
    JANITOR("janitor"),
    /** A replay of stored events. */
    REPLAY("replay"),
    /** The simulated provider, reporting on its own charges. */
    SIMULATION("simulation");

    private final String wire;

    Source(String wire) {
        this.wire = wire;
    }

    /** The value stored in the metadata. */
    @JsonValue
    public String wire() {
        return wire;
    }
}
