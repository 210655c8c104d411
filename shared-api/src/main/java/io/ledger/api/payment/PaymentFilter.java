package io.ledger.api.payment;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Which payments a list or an export covers; null fields do not filter. {@code q} matches ids and description. */
public record PaymentFilter(
        Set<PaymentStatus> statuses,
        @Nullable String customerId,
        @Nullable String orderId,
        @Nullable Provider provider,
        @Nullable String currency,
        @Nullable Instant createdFrom,
        @Nullable Instant createdTo,
        @Nullable Long minAmount,
        @Nullable Long maxAmount,
        @Nullable String q) {

    /** No statuses (null) is all of them: the filter always holds a set. */
    public PaymentFilter(
            @Nullable Set<PaymentStatus> statuses,
            @Nullable String customerId,
            @Nullable String orderId,
            @Nullable Provider provider,
            @Nullable String currency,
            @Nullable Instant createdFrom,
            @Nullable Instant createdTo,
            @Nullable Long minAmount,
            @Nullable Long maxAmount,
            @Nullable String q) {
        this.statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        this.customerId = customerId;
        this.orderId = orderId;
        this.provider = provider;
        this.currency = currency;
        this.createdFrom = createdFrom;
        this.createdTo = createdTo;
        this.minAmount = minAmount;
        this.maxAmount = maxAmount;
        this.q = q;
    }
}
