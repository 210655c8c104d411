package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/**
 * Archive a payment: cancel it first when it can still be canceled (nothing captured), then mark it archived, so that it
 * leaves lists and exports. Nothing is erased; a captured payment cannot be archived (refund it instead).
 */
public record ArchivePaymentCommand(PaymentId paymentId) implements PaymentCommand {}
