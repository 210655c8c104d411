package io.ledger.webhook.stripe;

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
import io.ledger.api.payment.RecordRefundSucceededCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The translation without a Stripe key: everything comes from the event's own object. Commands are captured from a
 * gateway stand-in, with their metadata.
 */
class StripeEventTranslatorTest {

    private static final String INTENT = "pi_3MtwBwLkdIwHu7ix28a3tqPa";
    private static final PaymentId IMPORTED = PaymentId.of("pay_pi3MtwBwLkdIwHu7ix28a3tqPa");

    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private StripeEventTranslator translator;

    @BeforeEach
    void setUp() {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            sent.add(call.getArgument(0));
            return null;
        });
        translator = new StripeEventTranslator(gateway, new StripeObjects("", "https://api.stripe.com", 0));
    }

    @Test
    void aSucceededPaymentIntentWithoutOurIdIsImportedThenRecordedWithTheEventAsCause() {
        StripeEvent event =
                event("payment_intent.succeeded", intent("succeeded", "{\"orderId\": \"order_7\"}", "null"));

        assertThat(translator.translate(event)).isEqualTo(StripeEventTranslator.Outcome.PROCESSED);

        assertThat(payloads())
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
                                IMPORTED, INTENT, "pm_1", new ProviderDetails("ch_1", null, "2025-03-31.basil")));
        assertThat(sent)
                .allSatisfy(command -> assertThat(command.getMetaData())
                        .containsEntry("correlationId", "evt_1")
                        .containsEntry("causationId", "evt_1")
                        .containsEntry("actor", "stripe")
                        .containsEntry("source", "webhook"));
    }

    @Test
    void aPaymentIntentOfTheLedgerIsRecordedUnderOurIdWithoutImport() {
        StripeEvent event = event(
                "payment_intent.payment_failed",
                intent(
                        "requires_payment_method",
                        "{\"paymentId\": \"pay_Test0000000000000000001\"}",
                        "{\"code\": \"card_declined\", \"decline_code\": \"stolen_card\", \"message\": \"Declined.\","
                                + " \"payment_method\": {\"id\": \"pm_2\"}, \"type\": \"card_error\"}"));

        translator.translate(event);

        assertThat(payloads())
                .containsExactly(new RecordPaymentFailedCommand(
                        PaymentId.of("pay_Test0000000000000000001"),
                        "stolen_card",
                        "stolen_card",
                        "Declined.",
                        "pm_2",
                        new ProviderDetails("ch_1", null, "2025-03-31.basil")));
    }

    @Test
    void aRefundCarriesOurIdsFromItsMetadata() {
        translator.translate(event("refund.updated", """
                {"id": "re_3Stripe", "object": "refund", "amount": 500, "currency": "usd", "charge": "ch_1",
                 "balance_transaction": "txn_9", "payment_intent": "%s", "reason": null, "status": "succeeded",
                 "metadata": {"paymentId": "pay_Test0000000000000000001", "refundId": "re_Test00000000000000000001"}}
                """.formatted(INTENT)));

        assertThat(payloads())
                .containsExactly(new RecordRefundSucceededCommand(
                        PaymentId.of("pay_Test0000000000000000001"),
                        RefundId.of("re_Test00000000000000000001"),
                        Money.of(500, "usd"),
                        null,
                        "re_3Stripe",
                        new ProviderDetails("ch_1", "txn_9", "2025-03-31.basil")));
    }

    @Test
    void aLostDisputeIsRecordedWithWhatWasWithdrawn() {
        translator.translate(event("charge.dispute.closed", """
                {"id": "dp_1", "object": "dispute", "amount": 2000, "currency": "usd", "charge": "ch_1",
                 "payment_intent": "%s", "reason": "fraudulent", "status": "lost", "metadata": {},
                 "balance_transactions": [{"id": "txn_d", "object": "balance_transaction", "amount": -2000,
                   "currency": "usd", "fee": 1500, "net": -3500, "type": "adjustment"}]}
                """.formatted(INTENT)));

        assertThat(payloads())
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
        translator.translate(event("checkout.session.completed", """
                {"id": "cs_1", "object": "checkout.session", "amount_total": 1800, "currency": "eur",
                 "customer": null, "metadata": {}, "mode": "payment", "payment_intent": "%s",
                 "payment_status": "paid", "status": "complete"}
                """.formatted(INTENT)));

        assertThat(payloads()).hasSize(2);
        assertThat(payloads().get(0)).isInstanceOfSatisfying(ImportPaymentCommand.class, command -> {
            assertThat(command.amount()).isEqualTo(Money.of(1800, "eur"));
            assertThat(command.customerId()).isEqualTo(StripeEventTranslator.CUSTOMER_UNKNOWN);
        });
        assertThat(payloads().get(1)).isInstanceOf(RecordPaymentSucceededCommand.class);
    }

    @Test
    void aPayoutCannotBeReconciledWithoutAStripeKey() {
        assertThatThrownBy(() -> translator.translate(event(
                        "payout.paid", "{\"id\": \"po_1\", \"object\": \"payout\", \"arrival_date\": 1763942400}")))
                .isInstanceOf(StripeObjects.StripeUnavailable.class);
        assertThat(sent).isEmpty();
    }

    @Test
    void otherEventTypesAreIgnored() {
        assertThat(translator.translate(event("customer.created", "{\"id\": \"cus_1\", \"object\": \"customer\"}")))
                .isEqualTo(StripeEventTranslator.Outcome.IGNORED);
        assertThat(sent).isEmpty();
    }

    private List<Object> payloads() {
        return sent.stream()
                .map(CommandMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    private static String intent(String status, String metadata, String lastPaymentError) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 2000, "currency": "usd", "customer": "cus_9",
                 "description": "Two books", "latest_charge": "ch_1", "metadata": %s, "payment_method": "pm_1",
                 "last_payment_error": %s, "status": "%s"}
                """.formatted(INTENT, metadata, lastPaymentError, status);
    }

    private static StripeEvent event(String type, String object) {
        return StripeEvent.parse("""
                {"id": "evt_1", "object": "event", "api_version": "2025-03-31.basil", "created": 1763800000,
                 "data": {"object": %s}, "type": "%s"}
                """.formatted(object, type));
    }
}
