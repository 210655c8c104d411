package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A hosted page to open for a payment: its session's own id and the address of the ledger's page for it (the simulated
 * provider's), the payment's amount and what to show, where to send the customer afterwards, and when the page closes.
 */
public record CheckoutRequest(
        String sessionId,
        String ledgerPageUrl,
        PaymentId paymentId,
        Money amount,
        String customerId,
        @Nullable String orderId,
        @Nullable String description,
        String successUrl,
        @Nullable String cancelUrl,
        Instant expiresAt) {}
