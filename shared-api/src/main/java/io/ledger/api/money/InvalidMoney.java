package io.ledger.api.money;

import io.ledger.api.problem.LedgerProblem;

/** An amount or currency that breaks one of the money rules; names the request field it concerns. */
public abstract sealed class InvalidMoney extends LedgerProblem
        permits InvalidMoney.UnsupportedCurrency, InvalidMoney.InvalidAmount {

    private final String field;

    InvalidMoney(String field, String message) {
        super(field, message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The currency code is not one Stripe charges in. */
    public static final class UnsupportedCurrency extends InvalidMoney {
        public UnsupportedCurrency(String code) {
            super("currency", "unsupported currency: " + code);
        }
    }

    /** The amount is not expressible in the currency (sign, digits, minor-unit rounding, minimum). */
    public static final class InvalidAmount extends InvalidMoney {
        public InvalidAmount(String message) {
            super("amount", message);
        }
    }
}
