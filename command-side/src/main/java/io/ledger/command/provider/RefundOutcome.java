package io.ledger.command.provider;

/** What the provider said about a refund. */
public sealed interface RefundOutcome {

    record Succeeded(String providerRefundId) implements RefundOutcome {}

    /** Accepted; settles later. */
    record Pending(String providerRefundId) implements RefundOutcome {}

    record Failed(String code, String message) implements RefundOutcome {}
}
