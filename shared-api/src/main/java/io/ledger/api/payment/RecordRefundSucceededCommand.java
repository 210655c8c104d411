package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import org.jspecify.annotations.Nullable;

/**
 * Record the provider's word that a refund paid out. A pending refund of that id settles; an unknown id (a refund made
 * at the provider directly, say in Stripe's dashboard) is recorded as requested and succeeded at once, within what
 * remains refundable. A refund already settled is left as it is.
 */
public record RecordRefundSucceededCommand(
        PaymentId paymentId,
        RefundId refundId,
        Money amount,
        @Nullable String reason,
        @Nullable String providerRefundId,
        @Nullable ProviderDetails details)
        implements PaymentCommand {}
