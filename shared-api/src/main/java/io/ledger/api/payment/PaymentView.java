package io.ledger.api.payment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A payment as clients see it: amounts in minor units, the currency in lowercase, {@code archived} whether it was
 * archived (canceled and left out of lists and exports), {@code version} the number of events in its stream.
 */
public record PaymentView(
        String id,
        PaymentStatus status,
        long amount,
        String currency,
        long amountRefunded,
        String customerId,
        @Nullable String orderId,
        @Nullable String description,
        Map<String, String> metadata,
        Provider provider,
        @Nullable String providerPaymentId,
        @Nullable FailureView failure,
        List<RefundView> refunds,
        ReconciliationView reconciliation,
        boolean archived,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The same payment with these refunds. */
    public PaymentView withRefunds(List<RefundView> refunds) {
        return new PaymentView(
                id,
                status,
                amount,
                currency,
                amountRefunded,
                customerId,
                orderId,
                description,
                metadata,
                provider,
                providerPaymentId,
                failure,
                List.copyOf(refunds),
                reconciliation,
                archived,
                createdAt,
                updatedAt,
                version);
    }

    /** Why the last attempt failed. */
    public record FailureView(String code, @Nullable String message) {}

    /** The settlement seen for the payment, if any. */
    public record ReconciliationView(
            ReconciliationStatus status,
            @Nullable String settlementId,
            @Nullable Long fee,
            @Nullable Long netAmount,
            @Nullable Instant settledAt) {

        public static final ReconciliationView UNRECONCILED =
                new ReconciliationView(ReconciliationStatus.UNRECONCILED, null, null, null, null);
    }
}
