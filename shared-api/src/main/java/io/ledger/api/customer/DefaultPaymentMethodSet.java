package io.ledger.api.customer;

/** The customer's default payment method, charged when a payment is confirmed without one, is now this one. */
public record DefaultPaymentMethodSet(String customerId, String paymentMethodId) implements CustomerEvent {}
