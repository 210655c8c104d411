package io.ledger.command.payment;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;
import java.util.Currency;

/** An amount given in another currency than the payment's. */
class CurrencyMismatch extends LedgerProblem {

    CurrencyMismatch(Currency given, Currency payment) {
        super(
                ProblemCode.CURRENCY_MISMATCH,
                "currency " + given.getCurrencyCode().toLowerCase() + " differs from the payment's "
                        + payment.getCurrencyCode().toLowerCase());
    }

    /** The rule: amounts of a payment are in its currency; a currency not given ({@code null}) is the payment's. */
    static void check(Currency given, Currency payment) {
        if (given != null && !given.equals(payment)) {
            throw new CurrencyMismatch(given, payment);
        }
    }
}
