package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * An attempt to charge {@code amount} failed (a decline, say); {@code code} is the provider's decline code and
 * {@code message} is safe to show. The payment may be confirmed again with another method. {@code declineCode} is the
 * card issuer's reason when the provider gave one, {@code details} what else the provider said; both null in events
 * stored before they existed.
 */
public record PaymentFailed(
        PaymentId paymentId,
        Money amount,
        String code,
        @Nullable String message,
        @Nullable String providerPaymentId,
        @Nullable String paymentMethod,
        @Nullable String declineCode,
        @Nullable ProviderDetails details)
        implements PaymentEvent {}
