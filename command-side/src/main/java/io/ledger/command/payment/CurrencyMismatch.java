package io.ledger.command.payment;

import java.util.Currency;

/** An amount given in another currency than the payment's. */
class CurrencyMismatch extends RuntimeException {

    CurrencyMismatch(Currency given, Currency payment) {
        super("currency " + given.getCurrencyCode().toLowerCase() + " differs from the payment's "
                + payment.getCurrencyCode().toLowerCase());
    }
}
