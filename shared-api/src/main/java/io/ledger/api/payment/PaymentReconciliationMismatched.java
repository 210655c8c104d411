package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.time.Instant;

/**
 * The provider settled a gross that differs from the {@code expected} captured amount. Recorded, not rejected:
 * analysts must see mismatches; a later settlement may still match.
 */
public record PaymentReconciliationMismatched(
        PaymentId paymentId, String settlementId, Money expected, Money gross, Money fee, Money net, Instant settledAt)
        implements PaymentEvent {}
