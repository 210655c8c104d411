package io.ledger.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.customer.AttachPaymentMethodCommand;
import io.ledger.api.customer.CustomerKey;
import io.ledger.api.customer.DetachPaymentMethodCommand;
import io.ledger.api.customer.SaveCustomerCommand;
import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.payment.CancelPaymentCommand;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.provider.SyncStripeObjectCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.Test;

class PaymentRoutingTest {

    private static final PaymentId PAYMENT = PaymentId.of("pay_Test0000000000000000001");
    private final PaymentRouting routing = new PaymentRouting();

    @Test
    void everyCommandForAPaymentIsRoutedByItsId() {
        assertThat(key(new CancelPaymentCommand(PAYMENT, null, null))).isEqualTo(PAYMENT.value());
        assertThat(key(new RefundPaymentCommand(PAYMENT, RefundId.newId(), 100L, null, null)))
                .isEqualTo(PAYMENT.value());
        assertThat(key(new RecordPaymentSucceededCommand(PAYMENT, null, null, ProviderDetails.NONE)))
                .isEqualTo(PAYMENT.value());
    }

    @Test
    void everyCommandForACustomerIsRoutedByItsStreamsKey() {
        String key = CustomerKey.of("customer 42").value();
        assertThat(key(new SaveCustomerCommand("customer 42", "a@example.com", null)))
                .isEqualTo(key);
        assertThat(key(new AttachPaymentMethodCommand("customer 42", "pm_card_visa", null)))
                .isEqualTo(key);
        assertThat(key(new DetachPaymentMethodCommand("customer 42", "pm_card_visa")))
                .isEqualTo(key);
    }

    @Test
    void aWebhooksSyncIsRoutedByTheStripeObjectItNamesElseByItsEvent() {
        assertThat(key(new SyncStripeObjectCommand(
                        "evt_1", "payment_intent.succeeded", null, "payment_intent", "pi_1", "{}")))
                .isEqualTo("pi_1");
        assertThat(key(new SyncStripeObjectCommand("evt_2", "balance.available", null, null, null, "{}")))
                .isEqualTo("evt_2");
    }

    private String key(Object command) {
        return routing.getRoutingKey(GenericCommandMessage.asCommandMessage(command));
    }
}
