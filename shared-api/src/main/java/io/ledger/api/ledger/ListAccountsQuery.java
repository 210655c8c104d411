package io.ledger.api.ledger;

/** Ask for the chart of accounts with each account's current balances per currency. Answered with an {@link AccountListView}. */
public record ListAccountsQuery() {}
