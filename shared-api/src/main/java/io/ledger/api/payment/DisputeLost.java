package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;

/** The merchant lost the dispute: the withdrawn {@code amount} went back to the customer and the {@code fee} is kept. */
public record DisputeLost(PaymentId paymentId, String disputeId, Money amount, Money fee) implements PaymentEvent {}
