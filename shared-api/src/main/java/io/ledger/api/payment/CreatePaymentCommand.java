package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Create a payment of {@code amount} for a customer; with {@code confirm}, charge {@code paymentMethod} at once.
 * Answered with the provider's client secret; clients get the payment resource, a {@link CreatedPaymentView}. With
 * {@code onlyCustomer} (the caller may create payments only for itself), a payment for another customer is refused.
 */
public record CreatePaymentCommand(
        PaymentId paymentId,
        Money amount,
        String customerId,
        @Nullable String orderId,
        @Nullable String description,
        Map<String, String> metadata,
        @Nullable String paymentMethod,
        boolean confirm,
        @Nullable String onlyCustomer)
        implements PaymentCommand {

    /** No metadata (null) is none: the command always holds a map. */
    public CreatePaymentCommand(
            PaymentId paymentId,
            Money amount,
            String customerId,
            @Nullable String orderId,
            @Nullable String description,
            @Nullable Map<String, String> metadata,
            @Nullable String paymentMethod,
            boolean confirm,
            @Nullable String onlyCustomer) {
        this.paymentId = paymentId;
        this.amount = amount;
        this.customerId = customerId;
        this.orderId = orderId;
        this.description = description;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        this.paymentMethod = paymentMethod;
        this.confirm = confirm;
        this.onlyCustomer = onlyCustomer;
    }
}
