package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Change what a payment says about itself, as Stripe updates a PaymentIntent: a null field is left as it is; an empty
 * {@code description} or {@code orderId} clears it; each {@code metadata} entry is merged into the payment's metadata,
 * a key given {@code ""} being removed. {@code amount} (minor units, in the payment's currency) may change only while
 * the payment is pending.
 */
public record UpdatePaymentCommand(
        PaymentId paymentId,
        @Nullable Long amount,
        @Nullable String description,
        @Nullable String orderId,
        Map<String, String> metadata)
        implements PaymentCommand {

    /** No metadata (null) is none to merge: the command always holds a map. */
    public UpdatePaymentCommand(
            PaymentId paymentId,
            @Nullable Long amount,
            @Nullable String description,
            @Nullable String orderId,
            @Nullable Map<String, String> metadata) {
        this.paymentId = paymentId;
        this.amount = amount;
        this.description = description;
        this.orderId = orderId;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
