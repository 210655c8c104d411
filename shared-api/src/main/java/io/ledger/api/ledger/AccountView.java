package io.ledger.api.ledger;

import java.util.List;

/**
 * One account of the chart: its code ({@code processor_clearing}), its type ({@code asset}, {@code revenue},
 * {@code contra_revenue}, {@code expense}, {@code suspense}), the side its balance normally sits on ({@code debit} or
 * {@code credit}), and its balances, one per currency it has ever been posted in.
 */
public record AccountView(
        String account, String type, String normalSide, String description, List<AccountBalanceView> balances) {

    public AccountView {
        balances = List.copyOf(balances);
    }
}
