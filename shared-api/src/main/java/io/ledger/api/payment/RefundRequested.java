package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;

/** A refund of {@code amount} was asked of the provider; it is pending and reserves that amount. */
public record RefundRequested(PaymentId paymentId, RefundId refundId, Money amount, String reason)
        implements PaymentEvent {}
