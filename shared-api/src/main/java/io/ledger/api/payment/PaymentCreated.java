package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.util.Map;

/** A payment of {@code amount} was created at {@code provider}; nothing was charged yet. */
public record PaymentCreated(
        PaymentId paymentId,
        Money amount,
        String customerId,
        String orderId,
        String description,
        Map<String, String> metadata,
        Provider provider,
        String providerPaymentId,
        String paymentMethod)
        implements PaymentEvent {

    public PaymentCreated {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
