package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/**
 * A fact about one payment. Events are stored forever under their class name: never rename or move one; change them
 * only by adding fields (or with a revision and an upcaster). The time of each fact is the event's timestamp.
 */
public sealed interface PaymentEvent
        permits PaymentCreated,
                PaymentProcessingStarted,
                PaymentOutcomeUnknown,
                PaymentActionRequired,
                PaymentSucceeded,
                PaymentFailed,
                PaymentCanceled,
                RefundRequested,
                RefundSucceeded,
                RefundFailed,
                PaymentReconciled,
                PaymentReconciliationMismatched,
                DisputeOpened,
                DisputeWon,
                DisputeLost,
                PaymentUpdated,
                PaymentArchived {

    PaymentId paymentId();
}
