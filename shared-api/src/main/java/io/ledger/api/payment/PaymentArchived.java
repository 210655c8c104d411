package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/**
 * The canceled payment was archived: it leaves lists, exports and the live feed unless they ask for archived payments,
 * and stays readable by id and in the audit log. Final: nothing is erased, and nothing more changes it.
 */
public record PaymentArchived(PaymentId paymentId) implements PaymentEvent {}
