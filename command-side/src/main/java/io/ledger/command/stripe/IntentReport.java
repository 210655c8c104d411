package io.ledger.command.stripe;

import io.ledger.api.money.Money;
import java.util.Map;

/**
 * What a PaymentIntent tells the ledger: whose payment it is ({@code ledgerPaymentId}, our {@code metadata.paymentId},
 * null for one made outside the ledger), what it is for, and where its charge stands.
 */
record IntentReport(
        String intentId,
        String ledgerPaymentId,
        Money amount,
        String customerId,
        String description,
        Map<String, String> metadata,
        String paymentMethod,
        ChargeReport charge) {

    IntentReport {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
