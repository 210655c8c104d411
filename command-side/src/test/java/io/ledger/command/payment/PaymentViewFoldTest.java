package io.ledger.command.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.PaymentArchived;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.PaymentUpdated;
import io.ledger.api.payment.PaymentUpdated.AmountChange;
import io.ledger.api.payment.PaymentUpdated.TextChange;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.PaymentView.FailureView;
import io.ledger.api.payment.PaymentView.ReconciliationView;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.api.payment.RefundView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

/** The payment resource folded from a payment's events: what each event shows, and the times and count of them all. */
class PaymentViewFoldTest {

    private static final PaymentId ID = PaymentId.of("pay_Fold0000000000000000001");
    private static final RefundId REFUND_1 = RefundId.of("re_Fold00000000000000000001");
    private static final RefundId REFUND_2 = RefundId.of("re_Fold00000000000000000002");
    private static final Money AMOUNT = Money.of(1999, "usd");
    private static final Instant START = Instant.parse("2026-11-22T09:12:24.123Z");
    private static final Instant SETTLED_AT = Instant.parse("2026-11-24T00:00:00Z");

    private final List<DomainEventMessage<?>> events = new ArrayList<>();

    @Test
    void aCreatedPaymentIsPendingWithWhatItWasCreatedWith() {
        happened(created());

        assertThat(fold())
                .isEqualTo(new PaymentView(
                        ID.value(),
                        PaymentStatus.PENDING,
                        1999,
                        "usd",
                        0,
                        "cus_1",
                        "order_1",
                        "Two books",
                        Map.of("channel", "web"),
                        Provider.STRIPE,
                        "pi_1",
                        null,
                        List.of(),
                        ReconciliationView.UNRECONCILED,
                        false,
                        START,
                        START,
                        1));
    }

    @Test
    void anUpdateShowsWhatItChangedAndLeavesTheRestAsItWas() {
        happened(
                created(),
                new PaymentUpdated(
                        ID,
                        new AmountChange(AMOUNT, Money.of(2500, "usd")),
                        new TextChange("Two books", null),
                        null,
                        Map.of("channel", new TextChange("web", null), "gift", new TextChange(null, "yes"))));

        PaymentView view = fold();
        assertThat(view.amount()).isEqualTo(2500);
        assertThat(view.description()).isNull();
        assertThat(view.orderId()).isEqualTo("order_1");
        assertThat(view.metadata()).isEqualTo(Map.of("gift", "yes"));
        assertThat(view.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.updatedAt()).isEqualTo(START.plusSeconds(1));
    }

    @Test
    void anArchivedPaymentIsCanceledAndSaysItIsArchived() {
        happened(created(), new PaymentCanceled(ID, null), new PaymentArchived(ID));

        PaymentView view = fold();
        assertThat(view.status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(view.archived()).isTrue();
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void theLastFailureShowsUntilTheNextSuccess() {
        happened(created(), failed());

        assertThat(fold().status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(fold().failure()).isEqualTo(new FailureView("card_declined", "Your card was declined."));

        happened(new PaymentSucceeded(ID, AMOUNT, "pi_1", "pm_card_visa", ProviderDetails.NONE));

        PaymentView view = fold();
        assertThat(view.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(view.failure()).isNull();
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.createdAt()).isEqualTo(START);
        assertThat(view.updatedAt()).isEqualTo(START.plusSeconds(2));
    }

    @Test
    void anUnknownOutcomeShowsAsProcessing() {
        happened(created(), new PaymentOutcomeUnknown(ID, "pi_1", "pm_card_visa"));

        assertThat(fold().status()).isEqualTo(PaymentStatus.PROCESSING);
    }

    @Test
    void refundsShowInOrderWithTheirOutcomeAndThePaymentShowsTheStatusTheRefundLeft() {
        happened(
                created(),
                succeeded(),
                new RefundRequested(ID, REFUND_1, Money.of(500, "usd"), "duplicate", null),
                new RefundSucceeded(ID, REFUND_1, Money.of(500, "usd"), "re_1", null, PaymentStatus.PARTIALLY_REFUNDED),
                new RefundRequested(ID, REFUND_2, Money.of(1499, "usd"), null, null),
                new RefundFailed(
                        ID, REFUND_2, Money.of(1499, "usd"), "expired_or_canceled_card", "expired", null, null));

        PaymentView view = fold();
        assertThat(view.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(view.amountRefunded()).isEqualTo(500);
        assertThat(view.refunds())
                .containsExactly(
                        new RefundView(
                                REFUND_1.value(),
                                ID.value(),
                                500,
                                "usd",
                                RefundStatus.SUCCEEDED,
                                "duplicate",
                                START.plusSeconds(2)),
                        new RefundView(
                                REFUND_2.value(),
                                ID.value(),
                                1499,
                                "usd",
                                RefundStatus.FAILED,
                                null,
                                START.plusSeconds(4)));
    }

    @Test
    void theStatusARefundNamesIsTheOneShown() {
        // Whatever the sums say: the payment decided it, the event carries it.
        happened(
                created(),
                succeeded(),
                new RefundRequested(ID, REFUND_1, AMOUNT, null, null),
                new RefundSucceeded(ID, REFUND_1, AMOUNT, "re_1", null, PaymentStatus.REFUNDED));

        assertThat(fold().status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aRefundStoredWithoutTheStatusItLeftShowsTheStatusOfTheRuleOfItsTime() {
        happened(
                created(),
                succeeded(),
                new RefundRequested(ID, REFUND_1, Money.of(500, "usd"), null, null),
                new RefundSucceeded(ID, REFUND_1, Money.of(500, "usd"), "re_1", null, null));

        assertThat(fold().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);

        happened(
                new RefundRequested(ID, REFUND_2, Money.of(1499, "usd"), null, null),
                new RefundSucceeded(ID, REFUND_2, Money.of(1499, "usd"), "re_2", null, null));

        assertThat(fold().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(fold().amountRefunded()).isEqualTo(1999);
    }

    @Test
    void theLatestSettlementShows() {
        happened(
                created(),
                succeeded(),
                new PaymentReconciliationMismatched(
                        ID,
                        "st_1",
                        AMOUNT,
                        Money.of(1899, "usd"),
                        Money.of(88, "usd"),
                        Money.of(1811, "usd"),
                        SETTLED_AT),
                new PaymentReconciled(
                        ID, "st_2", AMOUNT, Money.of(88, "usd"), Money.of(1911, "usd"), SETTLED_AT.plusSeconds(60)));

        assertThat(fold().reconciliation())
                .isEqualTo(new ReconciliationView(
                        ReconciliationStatus.MATCHED, "st_2", 88L, 1911L, SETTLED_AT.plusSeconds(60)));
    }

    @Test
    void disputesCountInTheVersionAndChangeNothingElse() {
        happened(created(), succeeded());
        PaymentView before = fold();

        happened(
                new DisputeOpened(ID, "dp_1", AMOUNT, Money.of(1500, "usd"), "fraudulent"),
                new DisputeLost(ID, "dp_1", AMOUNT, Money.of(1500, "usd")));

        PaymentView after = fold();
        assertThat(after.version()).isEqualTo(4);
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.updatedAt()).isEqualTo(START.plusSeconds(3));
    }

    @Test
    void noEventsAreNoPayment() {
        assertThat(PaymentViewFold.of(List.of())).isEmpty();
    }

    // --- events ---------------------------------------------------------------------------------------------------

    /** The events happen one second apart, from {@link #START}. */
    private void happened(Object... payloads) {
        for (Object payload : payloads) {
            long sequence = events.size();
            events.add(new GenericDomainEventMessage<>(
                    "Payment",
                    ID.value(),
                    sequence,
                    payload,
                    MetaData.emptyInstance(),
                    "event-" + sequence,
                    START.plusSeconds(sequence)));
        }
    }

    private PaymentView fold() {
        return PaymentViewFold.of(events).orElseThrow();
    }

    private static PaymentCreated created() {
        return new PaymentCreated(
                ID, AMOUNT, "cus_1", "order_1", "Two books", Map.of("channel", "web"), Provider.STRIPE, "pi_1", null);
    }

    private static PaymentSucceeded succeeded() {
        return new PaymentSucceeded(ID, AMOUNT, "pi_1", "pm_card_visa", ProviderDetails.NONE);
    }

    private static PaymentFailed failed() {
        return new PaymentFailed(
                ID, AMOUNT, "card_declined", "Your card was declined.", "pi_1", "pm_card_chargeDeclined", null, null);
    }
}
