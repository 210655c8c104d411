package io.ledger.query.ledger;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A balanced set of posting lines for one payment in one currency: its debits add up to its credits. Built with
 * {@link #of}, which leaves out lines of zero (a settlement without a fee has no fee line).
 */
record JournalEntry(String paymentId, Currency currency, EntryKind kind, List<PostingLine> lines) {

    JournalEntry {
        if (paymentId == null || currency == null || kind == null) {
            throw new IllegalArgumentException("an entry names its payment, currency and kind");
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an entry has lines");
        }
        long debits = 0;
        long credits = 0;
        for (PostingLine line : lines) {
            debits = Math.addExact(debits, line.debit());
            credits = Math.addExact(credits, line.credit());
        }
        if (debits != credits) {
            throw new IllegalArgumentException(
                    "entry for " + paymentId + " does not balance: debits " + debits + ", credits " + credits);
        }
    }

    /** Debits and credits given as (account, amount); amounts of zero are left out, negative ones are an error. */
    static JournalEntry of(
            String paymentId, Currency currency, EntryKind kind, List<Amount> debits, List<Amount> credits) {
        List<PostingLine> lines = new ArrayList<>();
        for (Amount debit : debits) {
            if (debit.minor() != 0) {
                lines.add(PostingLine.debit(debit.account(), debit.minor()));
            }
        }
        for (Amount credit : credits) {
            if (credit.minor() != 0) {
                lines.add(PostingLine.credit(credit.account(), credit.minor()));
            }
        }
        return new JournalEntry(paymentId, currency, kind, lines);
    }

    /** The entry that undoes this one: every line on the other side. */
    JournalEntry reversal() {
        return new JournalEntry(
                paymentId,
                currency,
                EntryKind.SETTLEMENT_REVERSAL,
                lines.stream().map(PostingLine::reversed).toList());
    }

    /** An amount for one account, before it is known to be non-zero. */
    record Amount(Account account, long minor) {

        static Amount of(Account account, long minor) {
            return new Amount(account, minor);
        }
    }
}
