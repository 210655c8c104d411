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
 * The resources a command answers, folded from the payment's events once the command has run. A new payment's are those
 * its command stored; others are read from the store: in the request's own
 * transaction when it carries an Idempotency-Key (its events are not committed yet, and the answer is stored with
 * them), else after the command committed; when another node handled the command, after that node committed them.
 * Public for the features that answer with a payment from outside this package (the simulation).
 */
@Component
public class PaymentResources {

    private final EventStore events;

    PaymentResources(EventStore events) {
        this.events = events;
    }

    /** The payment a path's id names; an id that cannot be a payment's names none (404 {@code payment_not_found}). */
    public PaymentView payment(String id) {
        if (!PaymentId.isValid(id)) {
            throw new PaymentNotFound(id);
        }
        return payment(PaymentId.of(id));
    }

    public PaymentView payment(PaymentId paymentId) {
        // From the first event, never from a snapshot: the resource needs them all.
        List<? extends DomainEventMessage<?>> stream =
                events.readEvents(paymentId.value(), 0).asStream().toList();
        return PaymentViewFold.of(stream).orElseThrow(() -> new PaymentNotFound(paymentId.value()));
    }

    /**
     * A new payment's answer, folded from the events its command stored when they are all there (its whole stream, from
     * the first event on), else read from the store.
     */
    CreatedPaymentView created(CommandEvents.Recorded<NewPayment> created) {
        NewPayment payment = created.answer();
        List<DomainEventMessage<?>> stream = created.events().stream()
                .filter(event -> event.getAggregateIdentifier()
                        .equals(payment.paymentId().value()))
                .toList();
        PaymentView view =
                wholeStream(stream) ? PaymentViewFold.of(stream).orElseThrow() : payment(payment.paymentId());
        return new CreatedPaymentView(view, payment.clientSecret());
    }

    private static boolean wholeStream(List<DomainEventMessage<?>> stream) {
        for (int i = 0; i < stream.size(); i++) {
            if (stream.get(i).getSequenceNumber() != i) {
                return false;
            }
        }
        return !stream.isEmpty();
    }

    RefundView refund(PaymentId paymentId, RefundId refundId) {
        return payment(paymentId).refunds().stream()
                .filter(refund -> refund.id().equals(refundId.value()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("payment " + paymentId + " has no refund " + refundId));
    }
}
