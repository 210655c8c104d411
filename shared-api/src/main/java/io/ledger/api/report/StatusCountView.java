package io.ledger.api.report;

import io.ledger.api.payment.PaymentStatus;

/** How many of the period's new payments have {@code status} now. */
public record StatusCountView(PaymentStatus status, long count) {}
