package io.ledger.query.ledger;

import static io.ledger.query.ledger.Account.CUSTOMER_PAYMENTS;
import static io.ledger.query.ledger.Account.DISPUTED_FUNDS;
import static io.ledger.query.ledger.Account.DISPUTE_FEES;
import static io.ledger.query.ledger.Account.DISPUTE_LOSSES;
import static io.ledger.query.ledger.Account.PROCESSING_FEES;
import static io.ledger.query.ledger.Account.PROCESSOR_BALANCE;
import static io.ledger.query.ledger.Account.PROCESSOR_CLEARING;
import static io.ledger.query.ledger.Account.RECONCILIATION_DIFFERENCES;
import static io.ledger.query.ledger.Account.REFUNDS;

import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.query.ledger.JournalEntry.Amount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The posting rules: which balanced entries a payment fact puts in the journal. A pure function of the event and, for a
 * settlement, the payment's previous settlement entry (which it reverses before posting its own). Facts that move no
 * money (created, failed, canceled, a refund asked for or failed) post nothing.
 *
 * <pre>
 * PaymentSucceeded(A)                       Dr processor_clearing A       / Cr customer_payments A
 * RefundSucceeded(R)                        Dr refunds R                  / Cr processor_clearing R
 * PaymentReconciled(G = A, F, N)            Dr processing_fees F, Dr processor_balance N / Cr processor_clearing G
 * PaymentReconciliationMismatched(A, G, F, N)
 *                                           Dr processing_fees F, Dr processor_balance N / Cr processor_clearing A,
 *                                           and G - A to reconciliation_differences (Cr if positive, Dr if negative)
 * DisputeOpened(D, F)                       Dr disputed_funds D+F         / Cr processor_balance D+F
 * DisputeWon(D, F, returned R)              Dr processor_balance D+R, Dr dispute_fees F-R / Cr disputed_funds D+F
 * DisputeLost(D, F)                         Dr dispute_losses D, Dr dispute_fees F / Cr disputed_funds D+F
 * </pre>
 *
 * A dispute with nothing withdrawn (an inquiry) posts nothing.
 */
final class PostingRules {

    private PostingRules() {}

    /** Whether the event settles a payment, so that the payment's previous settlement must be looked up first. */
    static boolean isSettlement(PaymentEvent event) {
        return event instanceof PaymentReconciled || event instanceof PaymentReconciliationMismatched;
    }

    /**
     * The entries the event posts, in order: none, one, or for a settlement that follows another one the reversal of
     * {@code previousSettlement} and then the new settlement.
     */
    static List<JournalEntry> post(PaymentEvent event, Optional<JournalEntry> previousSettlement) {
        String paymentId = event.paymentId().value();
        if (event instanceof PaymentSucceeded succeeded) {
            Money amount = succeeded.amount();
            return entry(
                    paymentId,
                    amount,
                    EntryKind.CAPTURE,
                    List.of(Amount.of(PROCESSOR_CLEARING, amount.minor())),
                    List.of(Amount.of(CUSTOMER_PAYMENTS, amount.minor())));
        }
        if (event instanceof RefundSucceeded refund) {
            Money amount = refund.amount();
            return entry(
                    paymentId,
                    amount,
                    EntryKind.REFUND,
                    List.of(Amount.of(REFUNDS, amount.minor())),
                    List.of(Amount.of(PROCESSOR_CLEARING, amount.minor())));
        }
        if (event instanceof DisputeOpened opened) {
            Money withdrawn = opened.amount().plus(opened.fee());
            return entry(
                    paymentId,
                    withdrawn,
                    EntryKind.DISPUTE_OPENED,
                    List.of(Amount.of(DISPUTED_FUNDS, withdrawn.minor())),
                    List.of(Amount.of(PROCESSOR_BALANCE, withdrawn.minor())));
        }
        if (event instanceof DisputeWon won) {
            Money withdrawn = won.amount().plus(won.fee());
            return entry(
                    paymentId,
                    withdrawn,
                    EntryKind.DISPUTE_WON,
                    List.of(
                            Amount.of(
                                    PROCESSOR_BALANCE,
                                    won.amount().plus(won.feeReturned()).minor()),
                            Amount.of(
                                    DISPUTE_FEES,
                                    won.fee().minus(won.feeReturned()).minor())),
                    List.of(Amount.of(DISPUTED_FUNDS, withdrawn.minor())));
        }
        if (event instanceof DisputeLost lost) {
            Money withdrawn = lost.amount().plus(lost.fee());
            return entry(
                    paymentId,
                    withdrawn,
                    EntryKind.DISPUTE_LOST,
                    List.of(
                            Amount.of(DISPUTE_LOSSES, lost.amount().minor()),
                            Amount.of(DISPUTE_FEES, lost.fee().minor())),
                    List.of(Amount.of(DISPUTED_FUNDS, withdrawn.minor())));
        }
        if (event instanceof PaymentReconciled reconciled) {
            return settle(
                    paymentId,
                    reconciled.gross(),
                    reconciled.gross(),
                    reconciled.fee(),
                    reconciled.net(),
                    previousSettlement);
        }
        if (event instanceof PaymentReconciliationMismatched mismatched) {
            return settle(
                    paymentId,
                    mismatched.expected(),
                    mismatched.gross(),
                    mismatched.fee(),
                    mismatched.net(),
                    previousSettlement);
        }
        return List.of();
    }

    /** One entry of {@code total}, or none when nothing moved. */
    private static List<JournalEntry> entry(
            String paymentId, Money total, EntryKind kind, List<Amount> debits, List<Amount> credits) {
        if (total.isZero()) {
            return List.of();
        }
        return List.of(JournalEntry.of(paymentId, total.currency(), kind, debits, credits));
    }

    /**
     * Clears the captured amount out of {@code processor_clearing} into the processor's balance and its fee; what the
     * processor settled beyond (or short of) the captured amount goes to {@code reconciliation_differences}.
     */
    private static List<JournalEntry> settle(
            String paymentId,
            Money captured,
            Money gross,
            Money fee,
            Money net,
            Optional<JournalEntry> previousSettlement) {
        for (Money amount : List.of(gross, fee, net)) {
            if (!amount.hasCurrency(captured.currency())) {
                throw new IllegalArgumentException("settlement of " + paymentId + " mixes currencies: " + amount);
            }
        }
        long difference = gross.minus(captured).minor();
        JournalEntry settlement = JournalEntry.of(
                paymentId,
                captured.currency(),
                EntryKind.SETTLEMENT,
                List.of(
                        Amount.of(PROCESSING_FEES, fee.minor()),
                        Amount.of(PROCESSOR_BALANCE, net.minor()),
                        Amount.of(RECONCILIATION_DIFFERENCES, Math.max(0, Math.negateExact(difference)))),
                List.of(
                        Amount.of(PROCESSOR_CLEARING, captured.minor()),
                        Amount.of(RECONCILIATION_DIFFERENCES, Math.max(0, difference))));
        List<JournalEntry> entries = new ArrayList<>();
        previousSettlement.ifPresent(previous -> {
            if (!previous.paymentId().equals(paymentId) || previous.kind() != EntryKind.SETTLEMENT) {
                throw new IllegalArgumentException("not a settlement of " + paymentId + ": " + previous);
            }
            entries.add(previous.reversal());
        });
        entries.add(settlement);
        return List.copyOf(entries);
    }
}
