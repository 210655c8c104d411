package io.ledger.webhook.stripe;

import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import java.util.Currency;
import tools.jackson.databind.JsonNode;

/**
 * What a dispute moved, read from its balance transactions: Stripe withdraws the disputed amount and its dispute fee
 * when the dispute opens (a negative amount with a positive fee) and, when the merchant wins, reinstates the amount
 * and, where it does so, the fee (a positive amount with a negative fee). An inquiry withdraws nothing. Balance
 * transactions in another currency than the dispute's (a settlement currency) fall back to the disputed amount
 * without a fee.
 */
record DisputeMoney(Money withdrawn, Money fee, Money feeReturned) {

    static DisputeMoney of(JsonNode dispute) {
        String currencyCode = StripeEventTranslator.text(dispute, "currency");
        Currency currency = CurrencyRules.currency(currencyCode);
        long withdrawn = 0;
        long fee = 0;
        long feeReturned = 0;
        boolean otherCurrency = false;
        for (JsonNode transaction : dispute.path("balance_transactions").values()) {
            if (!transaction.isObject()) {
                continue;
            }
            long amount = transaction.path("amount").asLong();
            long transactionFee = transaction.path("fee").asLong();
            if (!currencyCode.equalsIgnoreCase(StripeEventTranslator.text(transaction, "currency"))) {
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
            withdrawn = dispute.path("amount").asLong();
        }
        return new DisputeMoney(
                new Money(withdrawn, currency), new Money(fee, currency), new Money(feeReturned, currency));
    }
}
