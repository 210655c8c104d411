package io.ledger.api.customer;

import org.jspecify.annotations.Nullable;

/**
 * Save a payment method for the customer, attaching it at the provider. {@code makeDefault}: true makes it the default,
 * false leaves the default as it is, null makes it the default when the customer has none yet.
 */
public record AttachPaymentMethodCommand(
        String customerId, String paymentMethod, @Nullable Boolean makeDefault) implements CustomerCommand {}
