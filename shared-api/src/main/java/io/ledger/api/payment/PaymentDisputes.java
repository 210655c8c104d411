package io.ledger.api.payment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The disputes of one payment, oldest first, in the contract's list shape. At Stripe a charge is disputed at most once,
 * so the list is always whole: {@code hasMore} false, no {@code nextCursor}.
 */
public record PaymentDisputes(
        List<DisputeView> data, boolean hasMore, @Nullable String nextCursor) {

    public PaymentDisputes(List<DisputeView> data) {
        this(List.copyOf(data), false, null);
    }
}
