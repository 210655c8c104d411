package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** Record the provider's word that the customer must act (3-D Secure, say) before the charge can go on. */
public record RecordPaymentActionRequiredCommand(PaymentId paymentId, String paymentMethod, String nextAction)
        implements PaymentCommand {}
