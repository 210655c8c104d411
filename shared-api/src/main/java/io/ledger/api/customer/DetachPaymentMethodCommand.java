package io.ledger.api.customer;

/** Forget a saved payment method, detaching it at the provider; detaching it again changes nothing. */
public record DetachPaymentMethodCommand(String customerId, String paymentMethodId) implements CustomerCommand {}
