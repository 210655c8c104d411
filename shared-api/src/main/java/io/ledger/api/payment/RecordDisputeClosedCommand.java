package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Record the provider's word that a dispute was decided. {@code amount} and {@code fee} are what the provider withdrew
 * when it opened (used to record the opening when its news never came); when {@code won}, {@code feeReturned} of the
 * fee came back with the amount. A dispute closed before is left as it is.
 */
public record RecordDisputeClosedCommand(
        PaymentId paymentId,
        String disputeId,
        boolean won,
        Money amount,
        Money fee,
        @Nullable Money feeReturned,
        @Nullable String reason)
        implements PaymentCommand {}
