package io.ledger.api.payment;

import org.jspecify.annotations.Nullable;

/**
 * What the provider said about a money movement, kept in the event for auditors: the charge and balance transaction
 * it created (Stripe's {@code ch_...} and {@code txn_...}) and the API version it answered in. Each part may be null:
 * the simulated provider has none, and a webhook may not carry them all.
 */
public record ProviderDetails(
        @Nullable String chargeId,
        @Nullable String balanceTransactionId,
        @Nullable String apiVersion) {

    /** Nothing known beyond the ids already in the event. */
    public static final ProviderDetails NONE = new ProviderDetails(null, null, null);
}
