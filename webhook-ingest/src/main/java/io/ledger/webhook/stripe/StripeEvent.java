package io.ledger.webhook.stripe;

import io.ledger.api.provider.SyncStripeObjectCommand;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Stripe event read from its raw JSON, whatever API version rendered it: the envelope's fields and
 * {@code data.object} as a tree. Parsing never goes through stripe-java's typed classes, which leave an event of
 * another release train empty; the command side reads the object itself ({@link #syncCommand()}).
 */
record StripeEvent(String id, String type, String apiVersion, Instant created, JsonNode object) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads and checks the envelope Stripe sends: {@code id evt_...}, {@code object "event"}, type, created, data. */
    static StripeEvent parse(String payload) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new NotAStripeEvent("body", "The body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new NotAStripeEvent("body", "The body is not a JSON object.");
        }
        String id = text(root, "id");
        if (id == null || !id.matches("evt_[A-Za-z0-9_]{1,250}")) {
            throw new NotAStripeEvent("id", "id must be a Stripe event id (evt_...).");
        }
        if (!"event".equals(text(root, "object"))) {
            throw new NotAStripeEvent("object", "object must be \"event\".");
        }
        String type = text(root, "type");
        if (type == null || type.isBlank() || type.length() > 255) {
            throw new NotAStripeEvent("type", "type must be an event type.");
        }
        JsonNode created = root.get("created");
        if (created == null || !created.isIntegralNumber() || !created.canConvertToLong() || created.longValue() < 0) {
            throw new NotAStripeEvent("created", "created must be a Unix timestamp.");
        }
        JsonNode apiVersion = root.get("api_version");
        if (apiVersion != null
                && !apiVersion.isNull()
                && (!apiVersion.isString() || apiVersion.stringValue().length() > 64)) {
            throw new NotAStripeEvent("api_version", "api_version must be a string.");
        }
        JsonNode object = root.path("data").get("object");
        if (object == null || !object.isObject()) {
            throw new NotAStripeEvent("data.object", "data.object must be an object.");
        }
        return new StripeEvent(
                id,
                type,
                apiVersion == null || apiVersion.isNull() ? null : apiVersion.stringValue(),
                Instant.ofEpochSecond(created.longValue()),
                object);
    }

    /** The command that syncs the object this event names, with the object as the event carried it. */
    SyncStripeObjectCommand syncCommand() {
        return new SyncStripeObjectCommand(
                id, type, apiVersion, text(object, "object"), text(object, "id"), JSON.writeValueAsString(object));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }
}
