package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;
import org.jspecify.annotations.Nullable;

/**
 * Record the provider's word that the asynchronous charge it started (the payment is processing) succeeded:
 * {@code attempt} names which charge attempt (the payment's count of them when it started processing; null: the one
 * under way). A word about an attempt that is over (the payment failed, was canceled or charged again meanwhile, or
 * this word came twice) changes nothing: a late or repeated completion can never capture a payment whose attempt ended.
 */
public record RecordProcessingSucceededCommand(
        PaymentId paymentId, @Nullable Integer attempt) implements PaymentCommand {}
