package io.ledger.app.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the answers' records cannot say about themselves, since {@code shared-api} carries no OpenAPI annotations: which
 * fields may be null (the ledger writes every field, nulls included), and which strings are raw JSON. A name that no
 * longer matches a schema or property fails the description, so this table follows renames.
 */
final class SchemaFacts {

    private static final Map<String, Set<String>> NULLABLE = Map.ofEntries(
            Map.entry("PaymentView", Set.of("orderId", "description", "providerPaymentId", "failure")),
            Map.entry(
                    "CreatedPaymentView",
                    Set.of("orderId", "description", "providerPaymentId", "failure", "clientSecret")),
            Map.entry("ReconciliationView", Set.of("settlementId", "fee", "netAmount", "settledAt")),
            Map.entry("RefundView", Set.of("reason")),
            Map.entry("DisputeView", Set.of("reason", "closedAt")),
            Map.entry("SettlementView", Set.of("settlementId", "grossAmount", "fee", "netAmount", "settledAt")),
            Map.entry("PaymentPage", Set.of("nextCursor")),
            Map.entry("PaymentDisputes", Set.of("nextCursor")),
            Map.entry("UnreconciledPaymentPage", Set.of("nextCursor")),
            Map.entry("AccountListView", Set.of("nextCursor")),
            Map.entry("JournalLinePage", Set.of("nextCursor")),
            Map.entry("WebhookEventPage", Set.of("nextCursor")),
            Map.entry("WebhookEventView", Set.of("apiVersion", "nextAttemptAt", "lastError")),
            Map.entry("CurrencyStatsView", Set.of("successRate")),
            Map.entry("PeriodStatsView", Set.of("successRate")),
            Map.entry("ProviderStatsView", Set.of("successRate")),
            Map.entry("ProjectionStatus", Set.of("replayUntil")),
            Map.entry("AuditedEvent", Set.of("payloadRevision", "hash")),
            Map.entry("VerificationReport", Set.of("readModelsConsistent", "readModels")),
            Map.entry("ChainReport", Set.of("firstMismatch", "chainHeadHash", "lastHash")),
            Map.entry("ChainMismatch", Set.of("sequenceNumber", "differs", "chainHash", "recomputedHash")),
            Map.entry("ReadModelReport", Set.of("firstMismatch")),
            Map.entry("ReadModelMismatch", Set.of("liveRow", "replayedRow")),
            Map.entry("DigestVerification", Set.of("detail")),
            Map.entry("CustomerView", Set.of("email", "name", "defaultPaymentMethod")),
            Map.entry("PaymentMethodPage", Set.of("nextCursor")));

    /** Strings written as raw JSON ({@code @JsonRawValue}): objects on the wire. */
    private static final Map<String, Set<String>> RAW_JSON = Map.of("AuditedEvent", Set.of("payload", "metadata"));

    private SchemaFacts() {}

    static void applyTo(Map<String, Schema> schemas) {
        RAW_JSON.forEach((schema, fields) -> fields.forEach(field -> {
            Schema<?> object = JsonSchemas.object()
                    .description(property(schemas, schema, field).getDescription());
            schemas.get(schema).getProperties().put(field, object);
        }));
        NULLABLE.forEach((schema, fields) -> fields.forEach(
                field -> schemas.get(schema).getProperties().put(field, nullable(property(schemas, schema, field)))));
    }

    private static Schema<?> property(Map<String, Schema> schemas, String schema, String field) {
        Schema<?> owner = schemas.get(schema);
        if (owner == null
                || owner.getProperties() == null
                || !owner.getProperties().containsKey(field)) {
            throw new IllegalStateException(
                    "SchemaFacts names " + schema + "." + field + ", which the description no longer has");
        }
        return owner.getProperties().get(field);
    }

    /** OpenAPI 3.1 spells nullable as a second type, or for a reference as one of two schemas. */
    private static Schema<?> nullable(Schema<?> property) {
        if (property.getAnyOf() != null) {
            return property;
        }
        if (property.get$ref() != null) {
            return new Schema<>()
                    .anyOf(List.of(new Schema<>().$ref(property.get$ref()), nullType()))
                    .description(property.getDescription());
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }

    private static Schema<?> nullType() {
        return JsonSchemas.typed("null");
    }
}
