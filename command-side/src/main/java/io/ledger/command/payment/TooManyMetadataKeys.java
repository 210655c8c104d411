package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;

/**
 * A payment's metadata holds at most 50 keys, as at Stripe: an update whose merge would leave more is refused, with the
 * answer bean validation gives a create with too many.
 */
class TooManyMetadataKeys extends LedgerProblem {

    static final int MAX_KEYS = 50;

    TooManyMetadataKeys(int keys) {
        super("metadata", "must have at most " + MAX_KEYS + " keys (the update would leave " + keys + ")");
    }

    @Override
    public String detail() {
        return "The request has invalid fields.";
    }
}
