package io.ledger.command.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.stripe.Stripe;
import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule for declines, and every road (our confirm, the janitor's read, a webhook's object) reads them alike. */
class DeclineTest {

    private static final PaymentId PAYMENT = PaymentId.of("pay_0123456789abcdefghijABCD");
    private static final String INTENT = "pi_3PgafyB7WZ01zgkW";

    private final StripeStub stub = new StripeStub();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @ParameterizedTest(name = "code {0}, decline code {1}, message {2}: {3}, {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "card_declined | generic_decline    | Your card was declined.           | card_declined      | Your card was declined.",
                "card_declined | insufficient_funds | Your card has insufficient funds. | insufficient_funds | Your card has insufficient funds.",
                "expired_card  | -                  | Your card has expired.            | expired_card       | Your card has expired.",
                "-             | generic_decline    | -                                 | card_declined      | Your card was declined.",
                "-             | -                  | -                                 | card_declined      | Your card was declined."
            })
    void theCodeIsTheMostFaithfulOneAndTheMessageStripesForTheCustomer(
            String code, String declineCode, String message, String recordedCode, String recordedMessage) {
        Decline decline = Decline.of(code, declineCode, message, null, null);

        assertThat(decline.code()).isEqualTo(recordedCode);
        assertThat(decline.message()).isEqualTo(recordedMessage);
        assertThat(decline.declineCode()).as("kept as it came").isEqualTo(declineCode);
    }

    @Test
    void aGenericDeclineIsRecordedAlikeThroughConfirmTheJanitorAndAWebhook() throws Exception {
        String error = "{\"type\": \"card_error\", \"code\": \"card_declined\", \"decline_code\": \"generic_decline\","
                + " \"message\": \"Your card was declined.\", \"charge\": \"ch_3Declined\"}";
        String declinedIntent = StripeStub.paymentIntent(
                        INTENT,
                        "requires_payment_method",
                        "\"latest_charge\": \"ch_3Declined\", \"metadata\": {\"paymentId\": \"" + PAYMENT.value()
                                + "\"}, \"last_payment_error\": " + error)
                // the stub's template has metadata already: keep ours, which comes last
                .replaceFirst("\"metadata\": \\{}, ", "");
        stub.answer(402, "{\"error\": " + error + "}").answer(200, declinedIntent);
        StripeApi api = StripePaymentProviderTest.api(stub, Duration.ofSeconds(5));

        ChargeOutcome confirmed = new StripePaymentProvider(api)
                .confirm(new ChargeRequest(PAYMENT, INTENT, Money.of(1099, "EUR"), "pm_card_chargeDeclined", 1, false));
        IntentReport read = StripeReports.intent(api.retrieveIntent(INTENT), Stripe.API_VERSION);
        RecordPaymentFailedCommand byTheJanitor = (RecordPaymentFailedCommand)
                ReportCommands.charge(PAYMENT, read.intentId(), read.paymentMethod(), read.charge())
                        .orElseThrow();
        RecordPaymentFailedCommand byAWebhook = webhookSync(declinedIntent);

        assertThat(confirmed).isInstanceOfSatisfying(ChargeOutcome.Failed.class, failed -> {
            assertThat(failed.code()).isEqualTo("card_declined");
            assertThat(failed.declineCode()).isEqualTo("generic_decline");
            assertThat(failed.message()).isEqualTo("Your card was declined.");
            assertThat(failed.details().chargeId()).isEqualTo("ch_3Declined");
        });
        for (RecordPaymentFailedCommand recorded : List.of(byTheJanitor, byAWebhook)) {
            assertThat(recorded.paymentId()).isEqualTo(PAYMENT);
            assertThat(recorded.code()).isEqualTo("card_declined");
            assertThat(recorded.declineCode()).isEqualTo("generic_decline");
            assertThat(recorded.message()).isEqualTo("Your card was declined.");
            assertThat(recorded.details().chargeId()).isEqualTo("ch_3Declined");
        }
    }

    private static RecordPaymentFailedCommand webhookSync(String intent) {
        List<Object> sent = new ArrayList<>();
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenAnswer(call -> sent.add(call.getArgument(0)));
        new StripeObjectSync(new StripeReads(null), gateway)
                .handle(StripeObjectSyncTest.event("payment_intent.payment_failed", intent));
        assertThat(sent).hasSize(1);
        return (RecordPaymentFailedCommand) sent.get(0);
    }
}
