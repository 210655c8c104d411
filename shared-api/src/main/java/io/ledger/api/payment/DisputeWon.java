package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;

/**
 * The merchant won the dispute: the provider returned the withdrawn {@code amount} and {@code feeReturned} of the
 * {@code fee} it withdrew (the rest of the fee is an expense).
 */
public record DisputeWon(PaymentId paymentId, String disputeId, Money amount, Money fee, Money feeReturned)
        implements PaymentEvent {}
