package io.ledger.api.provider;

/** What a {@link SyncStripeObjectCommand} did: recorded what the object says, or found nothing it concerns. */
public enum SyncOutcome {
    /** The object concerns payments and the ledger now agrees with it. */
    PROCESSED,
    /** An object (or event type) the ledger has no use for: nothing was sent. */
    IGNORED
}
