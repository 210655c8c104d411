package io.ledger.query.ledger;

import java.util.Locale;

/** What an account measures, and so the side its balance normally sits on. */
enum AccountType {
    /** What the merchant owns or is owed; grows with debits. */
    ASSET(Side.DEBIT),
    /** Income earned; grows with credits. */
    REVENUE(Side.CREDIT),
    /** Reduces revenue (refunds); grows with debits. */
    CONTRA_REVENUE(Side.DEBIT),
    /** Costs incurred; grows with debits. */
    EXPENSE(Side.DEBIT),
    /** Amounts awaiting an explanation; either side, zero when everything is explained. Shown debit-normal. */
    SUSPENSE(Side.DEBIT);

    private final Side normalSide;

    AccountType(Side normalSide) {
        this.normalSide = normalSide;
    }

    Side normalSide() {
        return normalSide;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
