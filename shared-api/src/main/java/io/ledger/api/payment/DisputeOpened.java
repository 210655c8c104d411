package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * The customer disputed a captured payment: the provider withdrew {@code amount} and its dispute {@code fee} from the
 * merchant's balance until the dispute is decided. The payment's status does not change.
 */
public record DisputeOpened(
        PaymentId paymentId,
        String disputeId,
        Money amount,
        Money fee,
        @Nullable String reason) implements PaymentEvent {}
