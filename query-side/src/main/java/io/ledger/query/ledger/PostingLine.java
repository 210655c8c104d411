package io.ledger.query.ledger;

/** One side of an entry: a positive amount, in minor units, debited or credited to an account. */
record PostingLine(Account account, Side side, long amount) {

    PostingLine {
        if (account == null || side == null) {
            throw new IllegalArgumentException("a posting line names its account and side");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("a posting line moves a positive amount, not " + amount);
        }
    }

    static PostingLine debit(Account account, long amount) {
        return new PostingLine(account, Side.DEBIT, amount);
    }

    static PostingLine credit(Account account, long amount) {
        return new PostingLine(account, Side.CREDIT, amount);
    }

    long debit() {
        return side == Side.DEBIT ? amount : 0;
    }

    long credit() {
        return side == Side.CREDIT ? amount : 0;
    }

    /** The same amount on the other side: the line that undoes this one. */
    PostingLine reversed() {
        return new PostingLine(account, side == Side.DEBIT ? Side.CREDIT : Side.DEBIT, amount);
    }
}
