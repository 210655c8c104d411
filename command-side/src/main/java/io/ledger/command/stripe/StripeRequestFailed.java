package io.ledger.command.stripe;

/**
 * Stripe could not do what we asked for a reason that is ours to fix (bad key, invalid request, Stripe unreachable
 * after retries): the command fails with a 5xx and nothing is recorded. The message names the operation and Stripe's
 * error type, code and request id; never the secret key, and no cause that could quote it.
 */
public class StripeRequestFailed extends RuntimeException {

    StripeRequestFailed(String operation, String detail) {
        super("Stripe call failed: " + operation + " (" + detail + ")", null, false, false);
    }
}
