package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.util.Map;

/** A new payment to register with the provider. */
public record PaymentRequest(
        PaymentId paymentId,
        Money amount,
        String customerId,
        String orderId,
        String description,
        Map<String, String> metadata) {}
