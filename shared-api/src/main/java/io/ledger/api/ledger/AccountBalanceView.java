package io.ledger.api.ledger;

/**
 * An account's totals in one currency, in minor units: {@code balance} is {@code debits - credits};
 * {@code normalBalance} is the same amount seen from the account's normal side (positive when the balance sits where
 * it normally does, so {@code credits - debits} for a revenue account).
 */
public record AccountBalanceView(String currency, long debits, long credits, long balance, long normalBalance) {}
