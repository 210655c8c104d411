package io.ledger.command.stripe;

import com.stripe.model.BalanceTransaction;
import com.stripe.model.Dispute;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import java.util.Currency;
import java.util.List;

/**
 * What a dispute moved, read from its balance transactions: Stripe withdraws the disputed amount and its dispute fee
 * when the dispute opens (a negative amount with a positive fee) and, when the merchant wins, reinstates the amount
 * and, where it does so, the fee (a positive amount with a negative fee). An inquiry withdraws nothing. Balance
 * transactions in another currency than the dispute's (a settlement currency) fall back to the disputed amount
 * without a fee.
 */
record DisputeMoney(Money withdrawn, Money fee, Money feeReturned) {

    static DisputeMoney of(Dispute dispute) {
        String currencyCode = dispute.getCurrency();
        Currency currency = CurrencyRules.currency(currencyCode);
        long withdrawn = 0;
        long fee = 0;
        long feeReturned = 0;
        boolean otherCurrency = false;
        List<BalanceTransaction> transactions =
                dispute.getBalanceTransactions() == null ? List.of() : dispute.getBalanceTransactions();
        for (BalanceTransaction transaction : transactions) {
            long amount = orZero(transaction.getAmount());
            long transactionFee = orZero(transaction.getFee());
            if (!currencyCode.equalsIgnoreCase(transaction.getCurrency())) {
                otherCurrency |= amount < 0;
                continue;
            }
            if (amount < 0) {
                withdrawn = Math.addExact(withdrawn, Math.negateExact(amount));
                fee = Math.addExact(fee, Math.max(0, transactionFee));
            } else if (amount > 0 && transactionFee < 0) {
                feeReturned = Math.addExact(feeReturned, Math.negateExact(transactionFee));
            }
        }
        if (withdrawn == 0 && otherCurrency) {
            withdrawn = orZero(dispute.getAmount());
        }
        return new DisputeMoney(
                new Money(withdrawn, currency), new Money(fee, currency), new Money(feeReturned, currency));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
