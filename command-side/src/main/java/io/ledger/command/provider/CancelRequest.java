package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;

/** Cancel a payment at the provider. */
public record CancelRequest(PaymentId paymentId, String providerPaymentId, String reason) {}
