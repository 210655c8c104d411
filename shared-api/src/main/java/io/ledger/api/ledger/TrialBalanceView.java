package io.ledger.api.ledger;

import java.time.Instant;
import java.util.List;

/**
 * Every account's debits, credits and balance per currency at {@code asOf}, the totals per currency (amounts are never
 * summed across currencies), and whether every currency balances: total debits equal total credits.
 */
public record TrialBalanceView(
        Instant asOf, List<TrialBalanceLineView> accounts, List<CurrencyTotalView> totals, boolean balanced) {

    public TrialBalanceView {
        accounts = List.copyOf(accounts);
        totals = List.copyOf(totals);
    }

    /** One account in one currency; {@code balance} is {@code debits - credits}. */
    public record TrialBalanceLineView(
            String account, String type, String currency, long debits, long credits, long balance) {}

    /** All accounts of one currency. */
    public record CurrencyTotalView(String currency, long debits, long credits, boolean balanced) {}
}
