package io.ledger.api.metadata;

/**
 * Who and what caused an event, as its metadata records it (commands carry the same keys and pass them on to the events
 * they cause). Auditors read these names in the event store and in the audit API.
 */
public final class EventMetadata {

    /** The HTTP request's {@code X-Request-Id}; for a Stripe webhook, the Stripe event's id. */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message (the command) that caused the event; for a Stripe webhook, the Stripe event's id. */
    public static final String CAUSATION_ID = "causationId";
    /** Who: the caller's token subject, {@link Actors#ANONYMOUS} without tokens, or one of the other {@link Actors}. */
    public static final String ACTOR = "actor";
    /** By which road the event came: a {@link Source}'s wire value. */
    public static final String SOURCE = "source";

    private EventMetadata() {}

    /** The actors that are not callers with a token. */
    public static final class Actors {

        /** A caller without a token (the API takes calls without one when no JWT secret is configured). */
        public static final String ANONYMOUS = "anonymous";
        /** Stripe, reporting through a webhook. */
        public static final String STRIPE = "stripe";
        /** The janitor, settling what Stripe has not told us yet. */
        public static final String JANITOR = "janitor";
        /** The simulated provider, completing its asynchronous charges. */
        public static final String SIMULATED_PROVIDER = "simulated-provider";

        private Actors() {}
    }
}
