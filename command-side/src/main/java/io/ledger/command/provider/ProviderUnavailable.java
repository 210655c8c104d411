package io.ledger.command.provider;

/**
 * The provider could not be reached, or kept failing on its side, after every retry the adapter allows (or its circuit
 * breaker is open): nothing is known to have happened there. The request changes nothing in the ledger and may be
 * retried with the same Idempotency-Key (503). Carries no cause, so no provider message or key can leak through it.
 */
public class ProviderUnavailable extends RuntimeException {

    public ProviderUnavailable(String operation, String detail) {
        super("payment provider unavailable: " + operation + " (" + detail + ")", null, false, false);
    }
}
