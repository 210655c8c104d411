package io.ledger.api.payment;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which payments a list or an export covers; null fields do not filter. {@code q} matches ids and description.
 * {@code onlyCustomer} is not the caller's choice but its confinement: a caller that may see only its own payments
 * (the token's subject is their {@code customerId}) gets no other, whatever {@code customerId} it asks for.
 * Archived payments are left out unless {@code includeArchived}.
 */
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
        @Nullable String q,
        @Nullable String onlyCustomer,
        boolean includeArchived) {

    /** No statuses (null) is all of them: the filter always holds a set. */
    public PaymentFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** A filter that leaves archived payments out. */
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
            @Nullable String q,
            @Nullable String onlyCustomer) {
        this(
                statuses,
                customerId,
                orderId,
                provider,
                currency,
                createdFrom,
                createdTo,
                minAmount,
                maxAmount,
                q,
                onlyCustomer,
                false);
    }

    /** The same filter, confined to one customer's payments; null: to none in particular. */
    public PaymentFilter confinedTo(@Nullable String customer) {
        return new PaymentFilter(
                statuses,
                customerId,
                orderId,
                provider,
                currency,
                createdFrom,
                createdTo,
                minAmount,
                maxAmount,
                q,
                customer,
                includeArchived);
    }

    /** The same filter, with archived payments ({@code true}) or without them. */
    public PaymentFilter withArchived(boolean include) {
        return new PaymentFilter(
                statuses,
                customerId,
                orderId,
                provider,
                currency,
                createdFrom,
                createdTo,
                minAmount,
                maxAmount,
                q,
                onlyCustomer,
                include);
    }
}
