package io.ledger.query.receipt;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;

/** The payment has no receipt: it is unknown, another customer's, or has not succeeded (yet). */
class ReceiptNotFound extends LedgerProblem {

    ReceiptNotFound(String paymentId) {
        super(ProblemCode.NOT_FOUND, "payment " + paymentId + " has no receipt: it has not succeeded");
    }
}
