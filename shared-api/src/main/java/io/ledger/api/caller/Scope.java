package io.ledger.api.caller;

import java.util.Arrays;
import java.util.Optional;

/** What a caller's token allows, as the contract's "Callers" table names it; {@link #wire()} is the token's word. */
public enum Scope {
    /** Create, confirm, fail and cancel any payment: the shop's backend. */
    PAYMENTS_WRITE("payments:write"),
    /** Create, confirm and cancel the caller's own payments (its {@code customerId} is the token's subject). */
    PAYMENTS_WRITE_OWN("payments:write:own"),
    /** Refund payments: admins and support. */
    REFUNDS_WRITE("refunds:write"),
    /** Reconcile payments with the provider's payouts: finance. */
    RECONCILE_WRITE("reconcile:write"),
    /** Read and list every payment, its refunds and disputes, the live feed. */
    PAYMENTS_READ("payments:read"),
    /** The same, confined to the caller's own payments. */
    PAYMENTS_READ_OWN("payments:read:own"),
    /** Stats, reconciliation, export, reports and the double-entry ledger: analysts. */
    ANALYTICS_READ("analytics:read"),
    /** Read the audit trail. */
    AUDIT_READ("audit:read"),
    /** Rebuild read models and check digests. */
    AUDIT_REPLAY("audit:replay"),
    /** Webhook dead letters. */
    WEBHOOKS_ADMIN("webhooks:admin"),
    /** Archive payments and simulate provider outcomes. */
    PAYMENTS_ADMIN("payments:admin"),
    /** Every customer's details and payment methods. */
    CUSTOMERS("customers"),
    /** The caller's own customer record and payment methods. */
    CUSTOMERS_OWN("customers:own"),
    /** The operational endpoints beyond health. */
    OPERATIONS("operations");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    /** The scope as a token's {@code scope} claim spells it. */
    public String wire() {
        return wire;
    }

    /** The scope a token's word names; empty for a word the ledger does not know (ignored, not refused). */
    public static Optional<Scope> fromWire(String word) {
        return Arrays.stream(values()).filter(scope -> scope.wire.equals(word)).findFirst();
    }
}
