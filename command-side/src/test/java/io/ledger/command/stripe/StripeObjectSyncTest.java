package io.ledger.command.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.payment.RecordRefundFailedCommand;
import io.ledger.api.payment.RecordRefundSucceededCommand;
import io.ledger.api.provider.SyncOutcome;
import io.ledger.api.provider.SyncStripeObjectCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook sync without a Stripe key: everything comes from the event's own object, rendered in another API version
 * than the one stripe-java pins. The commands are captured from a gateway stand-in (their metadata is Axon's to copy:
 * see ledger-app's webhook tests).
 */
class StripeObjectSyncTest {

    private static final String VERSION = "2025-03-31.basil";
    private static final String INTENT = "pi_3MtwBwLkdIwHu7ix28a3tqPa";
    private static final PaymentId IMPORTED = PaymentId.of("pay_pi3MtwBwLkdIwHu7ix28a3tqPa");
    private static final PaymentId OURS = PaymentId.of("pay_Test0000000000000000001");

    private final List<Object> sent = new ArrayList<>();
    private StripeObjectSync sync;

    @BeforeEach
    void setUp() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return null;
        });
        sync = new StripeObjectSync(new StripeReads(null), gateway);
    }

    @Test
    void aSucceededPaymentIntentWithoutOurIdIsImportedThenRecorded() {
        SyncOutcome outcome = sync.handle(
                event("payment_intent.succeeded", intent("succeeded", "{\"orderId\": \"order_7\"}", "null")));

        assertThat(outcome).isEqualTo(SyncOutcome.PROCESSED);
        assertThat(sent)
                .containsExactly(
                        new ImportPaymentCommand(
                                IMPORTED,
                                Money.of(2000, "usd"),
                                "cus_9",
                                "order_7",
                                "Two books",
                                Map.of("orderId", "order_7"),
                                Provider.STRIPE,
                                INTENT,
                                "pm_1"),
                        new RecordPaymentSucceededCommand(
                                IMPORTED, INTENT, "pm_1", new ProviderDetails("ch_1", null, VERSION)));
    }

    @Test
    void aPaymentIntentOfTheLedgerIsRecordedUnderOurIdWithoutImport() {
        sync.handle(event(
                "payment_intent.payment_failed",
                intent(
                        "requires_payment_method",
                        "{\"paymentId\": \"" + OURS.value() + "\"}",
                        "{\"code\": \"card_declined\", \"decline_code\": \"stolen_card\", \"message\": \"Declined.\","
                                + " \"payment_method\": {\"id\": \"pm_2\"}, \"type\": \"card_error\"}")));

        assertThat(sent)
                .containsExactly(new RecordPaymentFailedCommand(
                        OURS,
                        "stolen_card",
                        "stolen_card",
                        "Declined.",
                        "pm_2",
                        new ProviderDetails("ch_1", null, VERSION)));
    }

    @Test
    void aGenericDeclineIsRecordedWithStripesErrorCodeAndItsMessage() {
        sync.handle(event(
                "payment_intent.payment_failed",
                intent(
                        "requires_payment_method",
                        "{\"paymentId\": \"" + OURS.value() + "\"}",
                        "{\"code\": \"card_declined\", \"decline_code\": \"generic_decline\","
                                + " \"message\": \"Your card was declined.\", \"type\": \"card_error\"}")));

        assertThat(sent).singleElement().isInstanceOfSatisfying(RecordPaymentFailedCommand.class, failed -> {
            assertThat(failed.code()).isEqualTo("card_declined");
            assertThat(failed.declineCode()).isEqualTo("generic_decline");
            assertThat(failed.message()).isEqualTo("Your card was declined.");
            assertThat(failed.paymentMethod()).isEqualTo("pm_1");
        });
    }

    @Test
    void aRefundCarriesOurIdsFromItsMetadata() {
        sync.handle(event("refund.updated", """
                {"id": "re_3Stripe", "object": "refund", "amount": 500, "currency": "usd", "charge": "ch_1",
                 "balance_transaction": "txn_9", "payment_intent": "%s", "reason": null, "status": "succeeded",
                 "metadata": {"paymentId": "pay_Test0000000000000000001", "refundId": "re_Test00000000000000000001"}}
                """.formatted(INTENT)));

        assertThat(sent)
                .containsExactly(new RecordRefundSucceededCommand(
                        OURS,
                        RefundId.of("re_Test00000000000000000001"),
                        Money.of(500, "usd"),
                        null,
                        "re_3Stripe",
                        new ProviderDetails("ch_1", "txn_9", VERSION)));
    }

    @Test
    void aChargeRefundedRecordsTheRefundsTheEventListsUnderIdsDerivedFromStripes() {
        sync.handle(event("charge.refunded", """
                {"id": "ch_1", "object": "charge", "amount": 2000, "currency": "usd", "payment_intent": "%s",
                 "refunds": {"object": "list", "has_more": false, "data": [
                   {"id": "re_3A", "object": "refund", "amount": 300, "currency": "usd", "charge": "ch_1",
                    "payment_intent": "%s", "status": "succeeded", "metadata": {}},
                   {"id": "re_3B", "object": "refund", "amount": 200, "currency": "usd", "charge": "ch_1",
                    "payment_intent": "%s", "status": "canceled", "metadata": {}},
                   {"id": "re_3C", "object": "refund", "amount": 100, "currency": "usd", "charge": "ch_1",
                    "payment_intent": "%s", "status": "pending", "metadata": {}}]}}
                """.formatted(INTENT, INTENT, INTENT, INTENT)));

        assertThat(sent)
                .containsExactly(
                        new RecordRefundSucceededCommand(
                                IMPORTED,
                                RefundId.of("re_re3A"),
                                Money.of(300, "usd"),
                                null,
                                "re_3A",
                                new ProviderDetails("ch_1", null, VERSION)),
                        new RecordRefundFailedCommand(
                                IMPORTED,
                                RefundId.of("re_re3B"),
                                Money.of(200, "usd"),
                                "re_3B",
                                "canceled",
                                ReportCommands.REFUND_NOT_PAID,
                                new ProviderDetails("ch_1", null, VERSION)));
    }

    @Test
    void aLostDisputeIsRecordedWithWhatWasWithdrawn() {
        sync.handle(event("charge.dispute.closed", """
                {"id": "dp_1", "object": "dispute", "amount": 2000, "currency": "usd", "charge": "ch_1",
                 "payment_intent": "%s", "reason": "fraudulent", "status": "lost", "metadata": {},
                 "balance_transactions": [{"id": "txn_d", "object": "balance_transaction", "amount": -2000,
                   "currency": "usd", "fee": 1500, "net": -3500, "type": "adjustment"}]}
                """.formatted(INTENT)));

        assertThat(sent)
                .containsExactly(new RecordDisputeClosedCommand(
                        IMPORTED,
                        "dp_1",
                        false,
                        Money.of(2000, "usd"),
                        Money.of(1500, "usd"),
                        Money.of(0, "usd"),
                        "fraudulent"));
    }

    @Test
    void aPaidCheckoutSessionStandsInForItsPaymentIntent() {
        sync.handle(event("checkout.session.completed", session("paid")));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isInstanceOfSatisfying(ImportPaymentCommand.class, command -> {
            assertThat(command.paymentId()).isEqualTo(IMPORTED);
            assertThat(command.amount()).isEqualTo(Money.of(1800, "eur"));
            assertThat(command.customerId()).isEqualTo(ReportCommands.CUSTOMER_UNKNOWN);
        });
        assertThat(sent.get(1)).isInstanceOf(RecordPaymentSucceededCommand.class);
    }

    @Test
    void aFailedAsynchronousCheckoutPaymentIsRecordedAsFailed() {
        sync.handle(event("checkout.session.async_payment_failed", session("unpaid")));

        assertThat(sent.get(1)).isInstanceOfSatisfying(RecordPaymentFailedCommand.class, failed -> {
            assertThat(failed.code()).isEqualTo("payment_failed");
            assertThat(failed.message()).isEqualTo("The asynchronous payment failed.");
        });
    }

    @Test
    void aCheckoutSessionWithoutAPaymentIsIgnored() {
        assertThat(sync.handle(event(
                        "checkout.session.completed",
                        "{\"id\": \"cs_1\", \"object\": \"checkout.session\", \"mode\": \"setup\","
                                + " \"payment_intent\": null}")))
                .isEqualTo(SyncOutcome.IGNORED);
        assertThat(sent).isEmpty();
    }

    @Test
    void aPayoutCannotBeReconciledWithoutAStripeKey() {
        assertThatThrownBy(() -> sync.handle(event(
                        "payout.paid", "{\"id\": \"po_1\", \"object\": \"payout\", \"arrival_date\": 1763942400}")))
                .isInstanceOf(StripeKeyMissing.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void otherEventTypesAreIgnored() {
        assertThat(sync.handle(event("customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}")))
                .isEqualTo(SyncOutcome.IGNORED);
        assertThat(sent).isEmpty();
    }

    private static String intent(String status, String metadata, String lastPaymentError) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 2000, "currency": "usd", "customer": "cus_9",
                 "description": "Two books", "latest_charge": "ch_1", "metadata": %s, "payment_method": "pm_1",
                 "last_payment_error": %s, "status": "%s"}
                """.formatted(INTENT, metadata, lastPaymentError, status);
    }

    private static String session(String paymentStatus) {
        return """
                {"id": "cs_1", "object": "checkout.session", "amount_total": 1800, "currency": "eur",
                 "customer": null, "metadata": {}, "mode": "payment", "payment_intent": "%s",
                 "payment_status": "%s", "status": "complete"}
                """.formatted(INTENT, paymentStatus);
    }

    /** The command webhook ingest sends for an event carrying {@code object}. */
    static SyncStripeObjectCommand event(String type, String object) {
        return new SyncStripeObjectCommand("evt_1", type, VERSION, null, null, object);
    }
}
