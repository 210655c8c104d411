package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.util.Map;

/**
 * A new payment to register with the provider. {@code providerCustomerId} is the provider's customer made for the
 * payment's customer when it was registered as one (null otherwise): the payment belongs to it there too, and may be
 * charged with the methods saved for it.
 */
public record PaymentRequest(
        PaymentId paymentId,
        Money amount,
        String customerId,
        String orderId,
        String description,
        Map<String, String> metadata,
        String providerCustomerId) {

    /** A payment of a customer the provider does not know as one of its customers. */
    public PaymentRequest(
            PaymentId paymentId,
            Money amount,
            String customerId,
            String orderId,
            String description,
            Map<String, String> metadata) {
        this(paymentId, amount, customerId, orderId, description, metadata, null);
    }
}
