package io.ledger.command.payment;

import io.ledger.api.money.Money;
import java.util.HashMap;
import java.util.Map;

/** The disputes of a payment by the provider's id; a dispute seen before is left as it is. */
record Disputes(Map<String, Dispute> byId) {

    static final Disputes NONE = new Disputes(Map.of());

    Disputes {
        byId = Map.copyOf(byId);
    }

    boolean knows(String disputeId) {
        return byId.containsKey(disputeId);
    }

    Dispute get(String disputeId) {
        Dispute dispute = byId.get(disputeId);
        if (dispute == null) {
            throw new IllegalArgumentException("no dispute " + disputeId);
        }
        return dispute;
    }

    Disputes open(String disputeId, Money amount, Money fee) {
        return with(disputeId, new Dispute(amount, fee, false));
    }

    Disputes close(String disputeId) {
        return byId.containsKey(disputeId) ? with(disputeId, get(disputeId).close()) : this;
    }

    private Disputes with(String disputeId, Dispute dispute) {
        Map<String, Dispute> changed = new HashMap<>(byId);
        changed.put(disputeId, dispute);
        return new Disputes(changed);
    }
}
