package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Account for a payment the provider holds but the ledger never created (a PaymentIntent made in Stripe's dashboard,
 * say): the payment is created as it stands at the provider, without calling it. Importing a payment that exists
 * already changes nothing, so a redelivered or concurrent import creates one payment.
 */
public record ImportPaymentCommand(
        PaymentId paymentId,
        Money amount,
        String customerId,
        @Nullable String orderId,
        @Nullable String description,
        Map<String, String> metadata,
        Provider provider,
        String providerPaymentId,
        @Nullable String paymentMethod)
        implements PaymentCommand {

    /** No metadata (null) is none: the command always holds a map. */
    public ImportPaymentCommand(
            PaymentId paymentId,
            Money amount,
            String customerId,
            @Nullable String orderId,
            @Nullable String description,
            @Nullable Map<String, String> metadata,
            Provider provider,
            String providerPaymentId,
            @Nullable String paymentMethod) {
        this.paymentId = paymentId;
        this.amount = amount;
        this.customerId = customerId;
        this.orderId = orderId;
        this.description = description;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        this.provider = provider;
        this.providerPaymentId = providerPaymentId;
        this.paymentMethod = paymentMethod;
    }
}
