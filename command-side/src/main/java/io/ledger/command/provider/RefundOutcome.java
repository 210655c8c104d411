package io.ledger.command.provider;

import io.ledger.api.payment.ProviderDetails;

/** What the provider said about a refund. */
public sealed interface RefundOutcome {

    record Succeeded(String providerRefundId, ProviderDetails details) implements RefundOutcome {}

    /**
     * Accepted, or not known yet (the provider could not be reached after retries; then {@code providerRefundId} is
     * null): settles later.
     */
    record Pending(String providerRefundId) implements RefundOutcome {}

    record Failed(String code, String message, String providerRefundId, ProviderDetails details)
            implements RefundOutcome {}
}
