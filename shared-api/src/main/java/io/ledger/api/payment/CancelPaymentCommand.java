package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * Cancel a payment that has not captured money. With {@code onlyCustomer} (the caller may change only its own
 * payments), a payment of another customer is refused as if it did not exist.
 */
public record CancelPaymentCommand(
        PaymentId paymentId,
        @Nullable String reason,
        @Nullable String onlyCustomer) implements PaymentCommand {}
