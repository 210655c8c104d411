package io.ledger.command.payment;

import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentArchived;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.PaymentUpdated;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.PaymentView.FailureView;
import io.ledger.api.payment.PaymentView.ReconciliationView;
import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.api.payment.RefundView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The payment resource as a pure fold of the payment's events, in stream order: the status each event names (a
 * refund's event names the status it left), the last failure until a success, the refunds, the latest settlement,
 * what updates changed, whether it was archived, and the events' times and count. The query side's payment history builds the same resource from the same events.
 */
final class PaymentViewFold {

    private PaymentCreated created;
    private PaymentStatus status;
    private long amount;
    private String orderId;
    private String description;
    private Map<String, String> metadata;
    private boolean archived;
    /** The provider's payment: the one created with ours, or the one that captured it (Stripe Checkout's own). */
    private String providerPaymentId;

    private FailureView failure;
    private final Map<String, RefundView> refunds = new LinkedHashMap<>();
    private long amountRefunded;
    private ReconciliationView reconciliation = ReconciliationView.UNRECONCILED;
    private Instant createdAt;
    private Instant updatedAt;
    private long version;

    private PaymentViewFold() {}

    /** The payment its events describe; empty when there are none. */
    static Optional<PaymentView> of(List<? extends DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        PaymentViewFold fold = new PaymentViewFold();
        events.forEach(event -> fold.add(event.getPayload(), event.getTimestamp()));
        return Optional.of(fold.view());
    }

    private void add(Object event, Instant at) {
        if (event instanceof PaymentCreated first) {
            created = first;
            status = PaymentStatus.PENDING;
            amount = first.amount().minor();
            orderId = first.orderId();
            description = first.description();
            metadata = first.metadata();
            providerPaymentId = first.providerPaymentId();
            createdAt = at;
        } else if (event instanceof PaymentProcessingStarted || event instanceof PaymentOutcomeUnknown) {
            status = PaymentStatus.PROCESSING;
        } else if (event instanceof PaymentActionRequired) {
            status = PaymentStatus.REQUIRES_ACTION;
        } else if (event instanceof PaymentSucceeded succeeded) {
            status = PaymentStatus.SUCCEEDED;
            failure = null;
            if (succeeded.providerPaymentId() != null) {
                providerPaymentId = succeeded.providerPaymentId();
            }
        } else if (event instanceof PaymentFailed failed) {
            status = PaymentStatus.FAILED;
            failure = new FailureView(failed.code(), failed.message());
        } else if (event instanceof PaymentCanceled) {
            status = PaymentStatus.CANCELED;
        } else if (event instanceof PaymentUpdated updated) {
            updated(updated);
        } else if (event instanceof PaymentArchived) {
            archived = true;
        } else if (event instanceof RefundRequested requested) {
            refunds.put(requested.refundId().value(), refund(requested, at));
        } else if (event instanceof RefundSucceeded paid) {
            amountRefunded = Math.addExact(amountRefunded, paid.amount().minor());
            settled(paid.refundId().value(), RefundStatus.SUCCEEDED);
            status = paid.paymentStatusAfter(amountRefunded, amount);
        } else if (event instanceof RefundFailed failed) {
            settled(failed.refundId().value(), RefundStatus.FAILED);
        } else if (event instanceof PaymentReconciled matched) {
            reconciliation = new ReconciliationView(
                    ReconciliationStatus.MATCHED,
                    matched.settlementId(),
                    matched.fee().minor(),
                    matched.net().minor(),
                    matched.settledAt());
        } else if (event instanceof PaymentReconciliationMismatched mismatched) {
            reconciliation = new ReconciliationView(
                    ReconciliationStatus.MISMATCHED,
                    mismatched.settlementId(),
                    mismatched.fee().minor(),
                    mismatched.net().minor(),
                    mismatched.settledAt());
        } else if (!(event instanceof DisputeOpened || event instanceof DisputeWon || event instanceof DisputeLost)) {
            // Disputes leave the resource as it is but count in its version; anything else is not a payment's event.
            throw new IllegalArgumentException("not an event of a payment: " + event);
        }
        updatedAt = at;
        version++;
    }

    private void updated(PaymentUpdated updated) {
        if (updated.amount() != null) {
            amount = updated.amount().to().minor();
        }
        if (updated.description() != null) {
            description = updated.description().to();
        }
        if (updated.orderId() != null) {
            orderId = updated.orderId().to();
        }
        metadata = Map.copyOf(updated.metadataAfter(metadata));
    }

    private RefundView refund(RefundRequested requested, Instant at) {
        return new RefundView(
                requested.refundId().value(),
                requested.paymentId().value(),
                requested.amount().minor(),
                requested.amount().currencyCode(),
                RefundStatus.PENDING,
                requested.reason(),
                at);
    }

    private void settled(String refundId, RefundStatus outcome) {
        refunds.computeIfPresent(
                refundId,
                (id, refund) -> new RefundView(
                        refund.id(),
                        refund.paymentId(),
                        refund.amount(),
                        refund.currency(),
                        outcome,
                        refund.reason(),
                        refund.createdAt()));
    }

    private PaymentView view() {
        return new PaymentView(
                created.paymentId().value(),
                status,
                amount,
                created.amount().currencyCode(),
                amountRefunded,
                created.customerId(),
                orderId,
                description,
                metadata,
                created.provider(),
                providerPaymentId,
                failure,
                List.copyOf(refunds.values()),
                reconciliation,
                archived,
                createdAt,
                updatedAt,
                version);
    }
}
