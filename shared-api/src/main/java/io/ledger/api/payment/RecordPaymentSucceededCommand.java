package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** Record the provider's word that an asynchronous payment (processing, or after customer action) succeeded. */
public record RecordPaymentSucceededCommand(PaymentId paymentId, String providerPaymentId) implements PaymentCommand {}
