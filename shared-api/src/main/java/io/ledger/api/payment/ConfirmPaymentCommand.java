package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * Charge the payment, with {@code paymentMethod} or else the method given at creation. With {@code onlyCustomer} (the
 * caller may change only its own payments), a payment of another customer is refused as if it did not exist.
 */
public record ConfirmPaymentCommand(
        PaymentId paymentId,
        @Nullable String paymentMethod,
        @Nullable String onlyCustomer) implements PaymentCommand {}
