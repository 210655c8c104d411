package io.ledger.api.provider;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Bring the ledger in line with the Stripe object a webhook event names. The command side reads the object as it
 * stands at Stripe now when it has a Stripe key, else it takes {@code objectJson} (the event's {@code data.object},
 * rendered in {@code apiVersion}), and records what the object says about the ledger's payments. Not addressed to one
 * payment: a payout, say, concerns many. Answered with a {@link SyncOutcome}.
 */
public record SyncStripeObjectCommand(
        String eventId,
        String eventType,
        @Nullable String apiVersion,
        @Nullable String objectType,
        @Nullable String objectId,
        String objectJson) {

    public SyncStripeObjectCommand {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(objectJson, "objectJson");
    }
}
