package io.ledger.api.payment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * The payment resource a create answers, with the provider's client secret beside its fields: the client needs it to
 * finish the payment in a browser. Only this answer carries the secret; it is never stored in an event.
 */
public record CreatedPaymentView(
        @JsonUnwrapped PaymentView payment, @Nullable String clientSecret) {}
