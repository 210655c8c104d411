package io.ledger.command.provider;

/** The provider's handle on a payment, and the secret a browser needs to complete it (never stored in events). */
public record ProviderPayment(String providerPaymentId, String clientSecret) {}
