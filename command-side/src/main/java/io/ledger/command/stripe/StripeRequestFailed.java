package io.ledger.command.stripe;

import com.stripe.exception.StripeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe could not do what we asked for a reason that is ours to fix (bad key, invalid request, an object our key
 * cannot see): the command fails with a 5xx and nothing is recorded. The message names the operation and Stripe's
 * error type, code and request id; never the secret key, and no cause that could quote it.
 */
public class StripeRequestFailed extends RuntimeException {

    private static final Logger log = LoggerFactory.getLogger(StripeRequestFailed.class);

    StripeRequestFailed(String operation, String detail) {
        super("Stripe call failed: " + operation + " (" + detail + ")", null, false, false);
    }

    /**
     * Stripe refused the request (authentication, invalid request, idempotency conflict). Logged for operators with
     * Stripe's type, code and request id only: Stripe's message may quote (part of) the key.
     */
    static StripeRequestFailed refused(String operation, StripeException e) {
        String detail = StripeCalls.describe(e);
        log.error("ALERT Stripe refused to {}: {}", operation, detail);
        return new StripeRequestFailed(operation, detail);
    }
}
