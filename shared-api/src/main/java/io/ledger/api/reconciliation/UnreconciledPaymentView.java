package io.ledger.api.reconciliation;

import io.ledger.api.payment.ReconciliationStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A captured payment still waiting for a matching settlement: its captured {@code amount} in minor units, the
 * currency in lowercase, when it succeeded, and the settlement seen so far, if any.
 */
public record UnreconciledPaymentView(
        String id, long amount, String currency, Instant succeededAt, SettlementView reconciliation) {

    /**
     * Where the payment's reconciliation stands: {@code unreconciled} (no settlement, the other fields null) or
     * {@code mismatched} (the latest settlement's gross differs from the captured amount).
     */
    public record SettlementView(
            ReconciliationStatus status,
            @Nullable String settlementId,
            @Nullable Long grossAmount,
            @Nullable Long fee,
            @Nullable Long netAmount,
            @Nullable Instant settledAt) {}
}
