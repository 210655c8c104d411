package io.ledger.api.payment;

/**
 * The answer to {@link CreatePaymentCommand}: the new payment and the provider's client secret, which the client
 * needs to finish the payment in a browser. The secret is never stored in an event.
 */
public record CreatedPaymentView(PaymentView payment, String clientSecret) {}
