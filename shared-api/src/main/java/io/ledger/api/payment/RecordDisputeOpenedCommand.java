package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Record the provider's word that the customer disputed (part of) a captured payment: the provider withdrew
 * {@code amount} and its dispute {@code fee} from the merchant's balance, pending the outcome. {@code disputeId} is the
 * provider's ({@code dp_...}); a dispute seen before is left as it is.
 */
public record RecordDisputeOpenedCommand(
        PaymentId paymentId,
        String disputeId,
        Money amount,
        Money fee,
        @Nullable String reason) implements PaymentCommand {}
