package io.ledger.api.ledger;

import java.time.Instant;

/**
 * One line of a journal entry: a debit or a credit (the other is 0) of one account, in minor units of
 * {@code currency}. The lines of one event share {@code entryId} (the event's identifier) and are numbered from 1;
 * {@code globalIndex} is the event's position in the event store. {@code kind} is {@code capture}, {@code refund},
 * {@code settlement} or {@code settlement_reversal}; {@code postedAt} is the time of the event.
 */
public record JournalLineView(
        String entryId,
        int line,
        long globalIndex,
        String paymentId,
        String kind,
        String account,
        String currency,
        long debit,
        long credit,
        Instant postedAt) {}
