package io.ledger.command.stripe;

import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.api.retry.Backoff;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the janitor's work list ({@code stripe_payment_watch}, {@code stripe_refund_watch}) in step with the events.
 * Its processing group is a subscribing processor: it runs inside the command's unit of work and transaction, so a
 * row and the events that explain it commit together or not at all. Only Stripe payments get rows; simulated ones
 * are completed by the simulated provider itself.
 */
@ProcessingGroup(StripeWorkList.PROCESSING_GROUP)
class StripeWorkList {

    static final String PROCESSING_GROUP = "stripe-work-list";

    private final JdbcClient jdbc;
    private final Backoff backoff;

    StripeWorkList(JdbcClient jdbc, Backoff backoff) {
        this.jdbc = jdbc;
        this.backoff = backoff;
    }

    @EventHandler
    void on(PaymentCreated event, @Timestamp Instant at) {
        if (event.provider() != Provider.STRIPE) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO stripe_payment_watch
                            (payment_id, provider_payment_id, status, payment_method, waiting_since, next_check_at)
                        VALUES (?, ?, 'pending', ?, ?, ?)
                        ON CONFLICT (payment_id) DO NOTHING
                        """)
                .params(
                        event.paymentId().value(),
                        event.providerPaymentId(),
                        event.paymentMethod(),
                        java.sql.Timestamp.from(at),
                        java.sql.Timestamp.from(at.plus(backoff.delay(1))))
                .update();
    }

    @EventHandler
    void on(PaymentProcessingStarted event, @Timestamp Instant at) {
        attempted(event.paymentId().value(), "processing", event.paymentMethod(), at, true);
    }

    /** Our own guess awaits Stripe's word like a processing payment: the janitor asks Stripe (and confirms again). */
    @EventHandler
    void on(PaymentOutcomeUnknown event, @Timestamp Instant at) {
        attempted(event.paymentId().value(), "processing", event.paymentMethod(), at, true);
    }

    @EventHandler
    void on(PaymentActionRequired event, @Timestamp Instant at) {
        attempted(event.paymentId().value(), "requires_action", event.paymentMethod(), at, true);
    }

    @EventHandler
    void on(PaymentSucceeded event, @Timestamp Instant at) {
        attempted(event.paymentId().value(), "succeeded", event.paymentMethod(), at, false);
    }

    @EventHandler
    void on(PaymentFailed event, @Timestamp Instant at) {
        attempted(event.paymentId().value(), "failed", event.paymentMethod(), at, false);
    }

    @EventHandler
    void on(PaymentCanceled event, @Timestamp Instant at) {
        jdbc.sql("UPDATE stripe_payment_watch SET status = 'canceled', next_check_at = NULL WHERE payment_id = ?")
                .param(event.paymentId().value())
                .update();
    }

    @EventHandler
    void on(RefundRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO stripe_refund_watch
                            (refund_id, payment_id, provider_payment_id, provider_refund_id, amount, currency, reason,
                             waiting_since, next_check_at)
                        SELECT ?, payment_id, provider_payment_id, ?, ?, ?, ?, ?, ?
                          FROM stripe_payment_watch WHERE payment_id = ?
                        ON CONFLICT (refund_id) DO NOTHING
                        """)
                .params(
                        event.refundId().value(),
                        event.providerRefundId(),
                        event.amount().minor(),
                        event.amount().currency().getCurrencyCode(),
                        event.reason(),
                        java.sql.Timestamp.from(at),
                        java.sql.Timestamp.from(at.plus(backoff.delay(1))),
                        event.paymentId().value())
                .update();
    }

    @EventHandler
    void on(RefundSucceeded event) {
        settled(event.refundId().value());
    }

    @EventHandler
    void on(RefundFailed event) {
        settled(event.refundId().value());
    }

    /** One more charge attempt, as the aggregate counts them; awaiting the provider again, or not any more. */
    private void attempted(String paymentId, String status, String paymentMethod, Instant at, boolean awaiting) {
        jdbc.sql("""
                        UPDATE stripe_payment_watch
                           SET status = ?, payment_method = COALESCE(?, payment_method),
                               charge_attempts = charge_attempts + 1, waiting_since = ?, next_check_at = ?, checks = 0
                         WHERE payment_id = ?
                        """)
                .params(
                        status,
                        paymentMethod,
                        java.sql.Timestamp.from(at),
                        awaiting ? java.sql.Timestamp.from(at.plus(backoff.delay(1))) : null,
                        paymentId)
                .update();
    }

    private void settled(String refundId) {
        jdbc.sql("DELETE FROM stripe_refund_watch WHERE refund_id = ?")
                .param(refundId)
                .update();
    }
}
