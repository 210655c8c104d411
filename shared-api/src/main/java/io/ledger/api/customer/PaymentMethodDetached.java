package io.ledger.api.customer;

/** The payment method was detached from the customer at the provider; when it was the default, there is none now. */
public record PaymentMethodDetached(String customerId, String paymentMethodId) implements CustomerEvent {}
