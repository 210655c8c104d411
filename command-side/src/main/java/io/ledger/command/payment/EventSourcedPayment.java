package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
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
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.PaymentUpdated;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundSucceeded;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A payment as its events left it: only what its decisions ({@link Payment}) read. Nothing but these event sourcing
 * handlers changes it, so a payment loaded from its events and one that has just decided are the same.
 */
abstract class EventSourcedPayment {

    @AggregateIdentifier
    PaymentId id;

    PaymentState state;
    /** What the payment was created as: a retried create (same Idempotency-Key, so same id) must ask for the same. */
    PaymentCreated created;
    /** Whose payment it is: a caller confined to its own payments may change only these. */
    String customerId;

    Money amount;
    /** How often the amount changed: each change gets its own provider idempotency key. */
    int amountChanges;
    /** What the payment says about itself now (an update records only what it changes). */
    String orderId;

    String description;
    Map<String, String> metadata;
    /** Archived payments are canceled and take no more updates. */
    boolean archived;

    String providerPaymentId;
    /** The method last tried (or given at creation): what a confirmation or report that names none means. */
    String paymentMethod;
    /** Each attempt gets its own provider idempotency key. */
    int chargeAttempts;

    Refunds refunds;
    Settlements settlements = Settlements.NONE;
    Disputes disputes = Disputes.NONE;

    @EventSourcingHandler
    void on(PaymentCreated event) {
        id = event.paymentId();
        created = event;
        state = PaymentState.PENDING;
        customerId = event.customerId();
        amount = event.amount();
        orderId = event.orderId();
        description = event.description();
        metadata = event.metadata();
        providerPaymentId = event.providerPaymentId();
        paymentMethod = event.paymentMethod();
        refunds = Refunds.of(amount);
    }

    @EventSourcingHandler
    void on(PaymentProcessingStarted event) {
        attempted(PaymentState.PROCESSING, event.paymentMethod());
    }

    @EventSourcingHandler
    void on(PaymentOutcomeUnknown event) {
        attempted(PaymentState.OUTCOME_UNKNOWN, event.paymentMethod());
    }

    @EventSourcingHandler
    void on(PaymentActionRequired event) {
        attempted(PaymentState.REQUIRES_ACTION, event.paymentMethod());
    }

    @EventSourcingHandler
    void on(PaymentSucceeded event) {
        attempted(PaymentState.SUCCEEDED, event.paymentMethod());
        if (event.providerPaymentId() != null) {
            providerPaymentId = event.providerPaymentId();
        }
    }

    @EventSourcingHandler
    void on(PaymentFailed event) {
        attempted(PaymentState.FAILED, event.paymentMethod());
    }

    private void attempted(PaymentState outcome, String method) {
        state = outcome;
        chargeAttempts++;
        if (method != null) {
            paymentMethod = method;
        }
    }

    @EventSourcingHandler
    void on(PaymentCanceled event) {
        state = PaymentState.CANCELED;
    }

    /** The amount changes only while pending: no refund exists yet to count against it. */
    @EventSourcingHandler
    void on(PaymentUpdated event) {
        if (event.amount() != null) {
            amount = event.amount().to();
            amountChanges++;
            refunds = Refunds.of(amount);
        }
        if (event.description() != null) {
            description = event.description().to();
        }
        if (event.orderId() != null) {
            orderId = event.orderId().to();
        }
        metadata = Map.copyOf(event.metadataAfter(metadata));
    }

    @EventSourcingHandler
    void on(PaymentArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        refunds = refunds.reserve(event.refundId(), event.amount());
    }

    @EventSourcingHandler
    void on(RefundSucceeded event) {
        refunds = refunds.settle(event.refundId(), RefundStatus.SUCCEEDED);
        state = PaymentState.afterRefund(event.paymentStatusAfter(refunds.paid().minor(), amount.minor()));
    }

    @EventSourcingHandler
    void on(RefundFailed event) {
        refunds = refunds.settle(event.refundId(), RefundStatus.FAILED);
    }

    @EventSourcingHandler
    void on(PaymentReconciled event) {
        settlements = settlements.with(event.settlementId(), true);
    }

    @EventSourcingHandler
    void on(PaymentReconciliationMismatched event) {
        settlements = settlements.with(event.settlementId(), false);
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputes = disputes.open(event.disputeId(), event.amount(), event.fee());
    }

    @EventSourcingHandler
    void on(DisputeWon event) {
        disputes = disputes.close(event.disputeId());
    }

    @EventSourcingHandler
    void on(DisputeLost event) {
        disputes = disputes.close(event.disputeId());
    }
}
