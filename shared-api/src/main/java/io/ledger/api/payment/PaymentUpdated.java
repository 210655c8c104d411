package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a payment says about itself changed, and only what changed, each from its old value to its new one: the amount
 * (only ever while pending, so nothing was charged or refunded yet), the description, the order id, and metadata keys
 * added ({@code from} null), changed, or removed ({@code to} null). A field that did not change is null here; a key
 * that did not change is not in {@code metadata}. The provider knew of the amount before this was recorded.
 */
public record PaymentUpdated(
        PaymentId paymentId,
        @Nullable AmountChange amount,
        @Nullable TextChange description,
        @Nullable TextChange orderId,
        Map<String, TextChange> metadata)
        implements PaymentEvent {

    /** No metadata changes (null) is none: the event always holds a map. */
    public PaymentUpdated(
            PaymentId paymentId,
            @Nullable AmountChange amount,
            @Nullable TextChange description,
            @Nullable TextChange orderId,
            @Nullable Map<String, TextChange> metadata) {
        this.paymentId = paymentId;
        this.amount = amount;
        this.description = description;
        this.orderId = orderId;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Whether nothing changed at all (such an update is never recorded). */
    public boolean changesNothing() {
        return amount == null && description == null && orderId == null && metadata.isEmpty();
    }

    /** The metadata after this update of {@code before}: keys removed, added and changed as the update says. */
    public Map<String, String> metadataAfter(Map<String, String> before) {
        Map<String, String> after = new LinkedHashMap<>(before);
        metadata.forEach((key, change) -> {
            if (change.to() == null) {
                after.remove(key);
            } else {
                after.put(key, change.to());
            }
        });
        return after;
    }

    /** The amount before and after, in the payment's currency. */
    public record AmountChange(Money from, Money to) {}

    /** A text before and after; null: there was none, or there is none any more. */
    public record TextChange(
            @Nullable String from, @Nullable String to) {}
}
