package io.ledger.api.payment;

import java.time.Instant;
import java.util.Set;

/** Which payments a list or an export covers; null fields do not filter. {@code q} matches ids and description. */
public record PaymentFilter(
        Set<PaymentStatus> statuses,
        String customerId,
        String orderId,
        Provider provider,
        String currency,
        Instant createdFrom,
        Instant createdTo,
        Long minAmount,
        Long maxAmount,
        String q) {

    public PaymentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
