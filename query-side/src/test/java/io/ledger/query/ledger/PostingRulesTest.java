package io.ledger.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundSucceeded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostingRulesTest {

    private static final PaymentId PAYMENT = PaymentId.of("pay_000000000000000000000001");
    private static final RefundId REFUND = RefundId.of("re_000000000000000000000001");
    private static final Instant SETTLED_AT = Instant.parse("2026-11-23T06:00:00Z");

    @Test
    void captureDebitsClearingAndCreditsCustomerPayments() {
        List<JournalEntry> entries = post(new PaymentSucceeded(PAYMENT, usd(1999), "pi_1", "pm_card_visa", null));

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).kind()).isEqualTo(EntryKind.CAPTURE);
        assertThat(entries.get(0).currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(entries.get(0).paymentId()).isEqualTo(PAYMENT.value());
        assertThat(lines(entries)).containsExactly("Dr processor_clearing 1999", "Cr customer_payments 1999");
    }

    @Test
    void refundDebitsRefundsAndCreditsClearing() {
        List<JournalEntry> entries = post(
                new RefundSucceeded(PAYMENT, REFUND, usd(500), "re_provider", null, PaymentStatus.PARTIALLY_REFUNDED));

        assertThat(entries).extracting(JournalEntry::kind).containsExactly(EntryKind.REFUND);
        assertThat(lines(entries)).containsExactly("Dr refunds 500", "Cr processor_clearing 500");
    }

    @Test
    void matchedSettlementSplitsTheGrossIntoFeeAndNet() {
        List<JournalEntry> entries = post(matched(10_000, 320, 9_680));

        assertThat(entries).extracting(JournalEntry::kind).containsExactly(EntryKind.SETTLEMENT);
        assertThat(lines(entries))
                .containsExactly("Dr processing_fees 320", "Dr processor_balance 9680", "Cr processor_clearing 10000");
    }

    @Test
    void settlementWithoutFeeWritesNoFeeLine() {
        assertThat(lines(post(matched(10_000, 0, 10_000))))
                .containsExactly("Dr processor_balance 10000", "Cr processor_clearing 10000");
    }

    @Test
    void settlementThatIsAllFeeWritesNoBalanceLine() {
        assertThat(lines(post(matched(60, 60, 0))))
                .containsExactly("Dr processing_fees 60", "Cr processor_clearing 60");
    }

    @Test
    void settlementAboveTheCapturedAmountCreditsTheDifference() {
        List<JournalEntry> entries = post(mismatched(5_000, 5_100, 150, 4_950));

        assertThat(entries).extracting(JournalEntry::kind).containsExactly(EntryKind.SETTLEMENT);
        assertThat(lines(entries))
                .containsExactly(
                        "Dr processing_fees 150",
                        "Dr processor_balance 4950",
                        "Cr processor_clearing 5000",
                        "Cr reconciliation_differences 100");
    }

    @Test
    void settlementBelowTheCapturedAmountDebitsTheDifference() {
        assertThat(lines(post(mismatched(5_000, 4_900, 150, 4_750))))
                .containsExactly(
                        "Dr processing_fees 150",
                        "Dr processor_balance 4750",
                        "Dr reconciliation_differences 100",
                        "Cr processor_clearing 5000");
    }

    @Test
    void laterSettlementFirstReversesThePreviousOne() {
        JournalEntry previous = post(mismatched(5_000, 4_900, 150, 4_750)).get(0);

        List<JournalEntry> entries = PostingRules.post(matched(5_000, 175, 4_825), Optional.of(previous));

        assertThat(entries)
                .extracting(JournalEntry::kind)
                .containsExactly(EntryKind.SETTLEMENT_REVERSAL, EntryKind.SETTLEMENT);
        assertThat(lines(entries.subList(0, 1)))
                .containsExactly(
                        "Cr processing_fees 150",
                        "Cr processor_balance 4750",
                        "Cr reconciliation_differences 100",
                        "Dr processor_clearing 5000");
        assertThat(lines(entries.subList(1, 2)))
                .containsExactly("Dr processing_fees 175", "Dr processor_balance 4825", "Cr processor_clearing 5000");
        List<JournalEntry> all = new ArrayList<>(List.of(previous));
        all.addAll(entries);
        assertThat(net(all, Account.RECONCILIATION_DIFFERENCES)).isZero();
        assertThat(net(all, Account.PROCESSOR_CLEARING)).isEqualTo(-5_000);
        assertThat(net(all, Account.PROCESSING_FEES)).isEqualTo(175);
        assertThat(net(all, Account.PROCESSOR_BALANCE)).isEqualTo(4_825);
    }

    @Test
    void previousSettlementIsIgnoredByFactsThatAreNotSettlements() {
        JournalEntry previous = post(matched(5_000, 175, 4_825)).get(0);

        assertThat(PostingRules.post(
                        new RefundSucceeded(
                                PAYMENT, REFUND, usd(500), "re_provider", null, PaymentStatus.PARTIALLY_REFUNDED),
                        Optional.of(previous)))
                .extracting(JournalEntry::kind)
                .containsExactly(EntryKind.REFUND);
    }

    @Test
    void reversingAnotherPaymentsSettlementIsRefused() {
        JournalEntry otherPayments = PostingRules.post(
                        new PaymentReconciled(
                                PaymentId.of("pay_000000000000000000000002"),
                                "st_2",
                                usd(100),
                                usd(3),
                                usd(97),
                                SETTLED_AT),
                        Optional.empty())
                .get(0);

        assertThatThrownBy(() -> PostingRules.post(matched(100, 3, 97), Optional.of(otherPayments)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroDecimalAmountsPostAsTheyAre() {
        List<JournalEntry> entries =
                post(new PaymentSucceeded(PAYMENT, Money.of(500, "jpy"), "pi_1", "pm_card_visa", null));

        assertThat(entries.get(0).currency().getCurrencyCode()).isEqualTo("JPY");
        assertThat(lines(entries)).containsExactly("Dr processor_clearing 500", "Cr customer_payments 500");
    }

    @Test
    void factsThatMoveNoMoneyPostNothing() {
        List<PaymentEvent> quiet = List.of(
                new PaymentCreated(PAYMENT, usd(1999), "cus_1", null, null, Map.of(), Provider.SIMULATED, "pi_1", null),
                new PaymentProcessingStarted(PAYMENT, "pi_1", "pm_card_processing"),
                new PaymentOutcomeUnknown(PAYMENT, "pi_1", "pm_card_processing"),
                new PaymentActionRequired(PAYMENT, "pi_1", "pm_card_authenticationRequired", "use_stripe_sdk"),
                new PaymentFailed(
                        PAYMENT, usd(1999), "card_declined", "declined", "pi_1", "pm_card_chargeDeclined", null, null),
                new PaymentCanceled(PAYMENT, "requested_by_customer"),
                new RefundRequested(PAYMENT, REFUND, usd(500), null, null),
                new RefundFailed(PAYMENT, REFUND, usd(500), "expired_or_canceled_card", "failed", null, null));

        for (PaymentEvent event : quiet) {
            assertThat(PostingRules.post(event, Optional.empty()))
                    .as(event.getClass().getSimpleName())
                    .isEmpty();
        }
        assertThat(quiet).noneMatch(PostingRules::isSettlement);
        assertThat(PostingRules.isSettlement(matched(1, 0, 1))).isTrue();
        assertThat(PostingRules.isSettlement(mismatched(2, 1, 0, 1))).isTrue();
    }

    @Test
    void everyPostingBalances() {
        JournalEntry previous = post(mismatched(5_000, 5_100, 150, 4_950)).get(0);
        List<List<JournalEntry>> postings = List.of(
                post(new PaymentSucceeded(PAYMENT, usd(1999), "pi_1", "pm_card_visa", null)),
                post(new RefundSucceeded(
                        PAYMENT, REFUND, usd(1), "re_provider", null, PaymentStatus.PARTIALLY_REFUNDED)),
                post(matched(10_000, 320, 9_680)),
                post(matched(10_000, 0, 10_000)),
                post(mismatched(5_000, 5_100, 150, 4_950)),
                post(mismatched(5_000, 4_900, 4_900, 0)),
                PostingRules.post(matched(5_000, 175, 4_825), Optional.of(previous)),
                PostingRules.post(mismatched(5_000, 1, 0, 1), Optional.of(previous)));

        for (List<JournalEntry> entries : postings) {
            for (JournalEntry entry : entries) {
                long debits =
                        entry.lines().stream().mapToLong(PostingLine::debit).sum();
                long credits =
                        entry.lines().stream().mapToLong(PostingLine::credit).sum();
                assertThat(debits)
                        .as(lines(List.of(entry)).toString())
                        .isPositive()
                        .isEqualTo(credits);
                assertThat(entry.lines()).allMatch(line -> line.amount() > 0);
            }
        }
    }

    @Test
    void anOpenedDisputeMovesAmountAndFeeFromTheBalanceToDisputedFunds() {
        List<JournalEntry> entries = post(new DisputeOpened(PAYMENT, "dp_1", usd(1999), usd(1500), "fraudulent"));

        assertThat(entries).extracting(JournalEntry::kind).containsExactly(EntryKind.DISPUTE_OPENED);
        assertThat(lines(entries)).containsExactly("Dr disputed_funds 3499", "Cr processor_balance 3499");
    }

    @Test
    void aLostDisputeExpensesTheAmountAndTheFee() {
        List<JournalEntry> entries = post(new DisputeLost(PAYMENT, "dp_1", usd(1999), usd(1500)));

        assertThat(entries).extracting(JournalEntry::kind).containsExactly(EntryKind.DISPUTE_LOST);
        assertThat(lines(entries))
                .containsExactly("Dr dispute_losses 1999", "Dr dispute_fees 1500", "Cr disputed_funds 3499");
    }

    @Test
    void aWonDisputeReturnsWhatWasWithdrawn() {
        assertThat(lines(post(new DisputeWon(PAYMENT, "dp_1", usd(1999), usd(1500), usd(1500)))))
                .containsExactly("Dr processor_balance 3499", "Cr disputed_funds 3499");
    }

    @Test
    void aWonDisputeWhoseFeeWasKeptExpensesTheFee() {
        assertThat(lines(post(new DisputeWon(PAYMENT, "dp_1", usd(1999), usd(1500), usd(0)))))
                .containsExactly("Dr processor_balance 1999", "Dr dispute_fees 1500", "Cr disputed_funds 3499");
    }

    @Test
    void anInquiryWithNothingWithdrawnPostsNothing() {
        assertThat(post(new DisputeOpened(PAYMENT, "dp_1", usd(0), usd(0), "general")))
                .isEmpty();
        assertThat(post(new DisputeWon(PAYMENT, "dp_1", usd(0), usd(0), usd(0))))
                .isEmpty();
    }

    @Test
    void entryThatDoesNotBalanceIsRefused() {
        assertThatThrownBy(() -> new JournalEntry(
                        PAYMENT.value(),
                        usd(1).currency(),
                        EntryKind.CAPTURE,
                        List.of(
                                PostingLine.debit(Account.PROCESSOR_CLEARING, 100),
                                PostingLine.credit(Account.CUSTOMER_PAYMENTS, 99))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not balance");
    }

    @Test
    void linesOfZeroOrLessAreRefused() {
        assertThatThrownBy(() -> PostingLine.debit(Account.REFUNDS, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostingLine.credit(Account.REFUNDS, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chartNamesEachAccountWithItsType() {
        assertThat(Account.values())
                .extracting(account -> account.code() + ":" + account.type().code() + ":"
                        + account.type().normalSide().code())
                .containsExactly(
                        "processor_clearing:asset:debit",
                        "processor_balance:asset:debit",
                        "customer_payments:revenue:credit",
                        "refunds:contra_revenue:debit",
                        "processing_fees:expense:debit",
                        "reconciliation_differences:suspense:debit",
                        "disputed_funds:asset:debit",
                        "dispute_losses:expense:debit",
                        "dispute_fees:expense:debit");
        assertThat(Account.fromCode("processor_clearing")).contains(Account.PROCESSOR_CLEARING);
        assertThat(Account.fromCode("PROCESSOR_CLEARING")).isEmpty();
        assertThat(Account.fromCode("cash")).isEmpty();
    }

    private static List<JournalEntry> post(PaymentEvent event) {
        return PostingRules.post(event, Optional.empty());
    }

    private static PaymentReconciled matched(long gross, long fee, long net) {
        return new PaymentReconciled(PAYMENT, "st_1", usd(gross), usd(fee), usd(net), SETTLED_AT);
    }

    private static PaymentReconciliationMismatched mismatched(long expected, long gross, long fee, long net) {
        return new PaymentReconciliationMismatched(
                PAYMENT, "st_0", usd(expected), usd(gross), usd(fee), usd(net), SETTLED_AT);
    }

    private static Money usd(long minor) {
        return Money.of(minor, "usd");
    }

    /** "Dr account amount" / "Cr account amount", in posting order. */
    private static List<String> lines(List<JournalEntry> entries) {
        List<String> lines = new ArrayList<>();
        for (JournalEntry entry : entries) {
            for (PostingLine line : entry.lines()) {
                lines.add((line.side() == Side.DEBIT ? "Dr " : "Cr ")
                        + line.account().code() + " " + line.amount());
            }
        }
        return lines;
    }

    /** Debits minus credits of one account over the entries. */
    private static long net(List<JournalEntry> entries, Account account) {
        return entries.stream()
                .flatMap(entry -> entry.lines().stream())
                .filter(line -> line.account() == account)
                .mapToLong(line -> line.debit() - line.credit())
                .sum();
    }
}
