package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A payment of {@code amount} was created at {@code provider}; nothing was charged yet. */
public record PaymentCreated(
        PaymentId paymentId,
        Money amount,
        String customerId,
        @Nullable String orderId,
        @Nullable String description,
        Map<String, String> metadata,
        Provider provider,
        @Nullable String providerPaymentId,
        @Nullable String paymentMethod)
        implements PaymentEvent {

    /** No metadata (null) is none: the event always holds a map. */
    public PaymentCreated(
            PaymentId paymentId,
            Money amount,
            String customerId,
            @Nullable String orderId,
            @Nullable String description,
            @Nullable Map<String, String> metadata,
            Provider provider,
            @Nullable String providerPaymentId,
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
