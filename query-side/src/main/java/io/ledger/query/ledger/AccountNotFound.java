package io.ledger.query.ledger;

/** The chart of accounts has no account with this code. */
public class AccountNotFound extends RuntimeException {

    public AccountNotFound(String account) {
        super("no account " + account);
    }
}
