package io.ledger.app.security;

/** Where each caller's calls are counted: one permit per call, refused once the caller's second is used up. */
interface CallerLimits {

    /** Takes a permit for one call of {@code caller}; false when the caller has none left this second. */
    boolean tryAcquire(String caller);
}
