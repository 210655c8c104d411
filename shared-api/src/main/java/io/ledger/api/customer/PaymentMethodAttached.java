package io.ledger.api.customer;

/**
 * A payment method was attached to the customer at the provider and saved: {@code paymentMethodId} is the provider's
 * id of the saved method, {@code requested} what the client named ({@code pm_card_visa} at Stripe becomes a
 * {@code pm_...} of its own).
 */
public record PaymentMethodAttached(String customerId, String paymentMethodId, String requested, String type, Card card)
        implements CustomerEvent {}
