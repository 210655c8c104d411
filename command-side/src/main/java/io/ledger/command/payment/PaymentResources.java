package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.payment.CreatedPaymentView;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.RefundView;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The resources a command answers, read from the payment's events once the command has run: in the request's own
 * transaction when it carries an Idempotency-Key (its events are not committed yet, and the answer is stored with
 * them), else after the command committed.
 */
@Component
class PaymentResources {

    private final EventStore events;

    PaymentResources(EventStore events) {
        this.events = events;
    }

    PaymentView payment(PaymentId paymentId) {
        // From the first event, never from a snapshot: the resource needs them all.
        List<? extends DomainEventMessage<?>> stream =
                events.readEvents(paymentId.value(), 0).asStream().toList();
        return PaymentViewFold.of(stream).orElseThrow(() -> new PaymentNotFound(paymentId.value()));
    }

    CreatedPaymentView created(NewPayment payment) {
        return new CreatedPaymentView(payment(payment.paymentId()), payment.clientSecret());
    }

    RefundView refund(PaymentId paymentId, RefundId refundId) {
        return payment(paymentId).refunds().stream()
                .filter(refund -> refund.id().equals(refundId.value()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " has no refund " + refundId));
    }
}
