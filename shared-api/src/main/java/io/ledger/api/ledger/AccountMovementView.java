package io.ledger.api.ledger;

/**
 * One account in one currency over some days, in minor units: {@code opening} is its balance ({@code debits -
 * credits}, as in the trial balance) before the first day, {@code debits} and {@code credits} what was posted on the
 * days, {@code closing} = opening + debits - credits, its balance after the last day. {@code type} and
 * {@code normalSide} are the account's, as in the chart of accounts.
 */
public record AccountMovementView(
        String account,
        String type,
        String normalSide,
        String currency,
        long opening,
        long debits,
        long credits,
        long closing) {}
