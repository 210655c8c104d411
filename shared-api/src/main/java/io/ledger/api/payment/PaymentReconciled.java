package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.time.Instant;

/** The provider's settlement matched the captured amount: {@code gross = fee + net}, paid out at {@code settledAt}. */
public record PaymentReconciled(
        PaymentId paymentId, String settlementId, Money gross, Money fee, Money net, Instant settledAt)
        implements PaymentEvent {}
