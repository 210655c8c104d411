package io.ledger.query.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The chart of accounts of a merchant taking card payments through a processor (Stripe or the simulated one). */
enum Account {
    PROCESSOR_CLEARING(AccountType.ASSET, "Captured money the processor holds for us, not yet settled"),
    PROCESSOR_BALANCE(AccountType.ASSET, "Settled funds at the processor, net of its fees"),
    CUSTOMER_PAYMENTS(AccountType.REVENUE, "Payments captured from customers"),
    REFUNDS(AccountType.CONTRA_REVENUE, "Money paid back to customers"),
    PROCESSING_FEES(AccountType.EXPENSE, "The processor's fees, as its settlements state them"),
    RECONCILIATION_DIFFERENCES(
            AccountType.SUSPENSE, "Settled gross minus captured amount of mismatched settlements, to investigate"),
    DISPUTED_FUNDS(AccountType.ASSET, "Amounts and fees the processor withdrew for open disputes, pending the outcome"),
    DISPUTE_LOSSES(AccountType.EXPENSE, "Disputed amounts lost to customers"),
    DISPUTE_FEES(AccountType.EXPENSE, "The processor's dispute fees that were not returned");

    private final AccountType type;
    private final String description;

    Account(AccountType type, String description) {
        this.type = type;
        this.description = description;
    }

    AccountType type() {
        return type;
    }

    String description() {
        return description;
    }

    /** The account's name in the API and the tables: {@code processor_clearing}. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Account> fromCode(String code) {
        return Arrays.stream(values())
                .filter(account -> account.code().equals(code))
                .findFirst();
    }
}
