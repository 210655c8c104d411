package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;

/**
 * One attempt to charge a payment. {@code attempt} counts the payment's confirmations so each can carry its own
 * provider idempotency key; {@code customerActionCompleted} says the customer finished the required action (3-D Secure).
 */
public record ChargeRequest(
        PaymentId paymentId,
        String providerPaymentId,
        Money amount,
        String paymentMethod,
        int attempt,
        boolean customerActionCompleted) {}
