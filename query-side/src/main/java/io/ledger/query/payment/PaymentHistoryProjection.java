package io.ledger.query.payment;

import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeStatus;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundSucceeded;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payment history: one row per payment, plus its refunds. Writes are idempotent: a payment's row records how many of
 * its events it reflects ({@code version}); an event at or below that is skipped, so a redelivered batch or a replay
 * over existing rows changes nothing.
 */
@Component
@ProcessingGroup(PaymentHistoryProjection.NAME)
class PaymentHistoryProjection {

    static final String NAME = "payment-history";

    private static final String SET_STATUS = "status = :status";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PaymentFeed feed;

    PaymentHistoryProjection(JdbcClient jdbc, JsonMapper json, PaymentFeed feed) {
        this.jdbc = jdbc;
        this.json = json;
        this.feed = feed;
    }

    @EventHandler
    void on(PaymentCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        int inserted = jdbc.sql("""
                        INSERT INTO payment_view (payment_id, status, amount, currency, customer_id, order_id,
                            description, metadata, provider, provider_payment_id, created_at, updated_at, version)
                        VALUES (:id, 'pending', :amount, :currency, :customer, :order, :description, :metadata::jsonb,
                            :provider, :providerPaymentId, :at, :at, :version)
                        ON CONFLICT (payment_id) DO NOTHING
                        """)
                .param("id", event.paymentId().value())
                .param("amount", event.amount().minor())
                .param("currency", event.amount().currencyCode())
                .param("customer", event.customerId())
                .param("order", event.orderId())
                .param("description", event.description())
                .param("metadata", json.writeValueAsString(event.metadata()))
                .param("provider", event.provider().code())
                .param("providerPaymentId", event.providerPaymentId())
                .param("at", utc(at))
                .param("version", sequence + 1)
                .update();
        if (inserted == 1) {
            feed.publish(event, event.customerId(), sequence + 1, at);
        }
    }

    @EventHandler
    void on(PaymentProcessingStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, SET_STATUS, params("status", "processing"));
    }

    /** Our own guess, until the provider is asked: clients see it as processing. */
    @EventHandler
    void on(PaymentOutcomeUnknown event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, SET_STATUS, params("status", "processing"));
    }

    @EventHandler
    void on(PaymentActionRequired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, SET_STATUS, params("status", "requires_action"));
    }

    @EventHandler
    void on(PaymentSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(
                event,
                sequence,
                at,
                "status = 'succeeded', failure_code = NULL, failure_message = NULL, succeeded_at = :at",
                params());
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(
                event,
                sequence,
                at,
                "status = 'failed', failure_code = :code, failure_message = :message",
                params("code", event.code(), "message", event.message()));
    }

    @EventHandler
    void on(PaymentCanceled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, SET_STATUS, params("status", "canceled"));
    }

    @EventHandler
    void on(RefundRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO refund_view (refund_id, payment_id, amount, currency, status, reason, created_at)
                        VALUES (?, ?, ?, ?, 'pending', ?, ?)
                        ON CONFLICT (refund_id) DO NOTHING
                        """)
                .params(
                        event.refundId().value(),
                        event.paymentId().value(),
                        event.amount().minor(),
                        event.amount().currencyCode(),
                        event.reason(),
                        utc(at))
                .update();
        update(event, sequence, at, null, params());
    }

    /** The payment's status is the one the refund's event says it left. */
    @EventHandler
    void on(RefundSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        refundStatus(event.refundId().value(), RefundStatus.SUCCEEDED);
        PaymentStatus status = event.paymentStatus() != null ? event.paymentStatus() : statusOfAnOlder(event);
        update(
                event,
                sequence,
                at,
                "amount_refunded = amount_refunded + :refunded, status = :status",
                params("refunded", event.amount().minor(), "status", status.code()));
    }

    /**
     * An event stored before refunds carried the status they left: read by the rule of its time, from what the row had
     * refunded before it (an event the row reflects already is skipped by {@link #update} whatever this answers).
     */
    private PaymentStatus statusOfAnOlder(RefundSucceeded event) {
        return jdbc.sql("SELECT amount, amount_refunded FROM payment_view WHERE payment_id = ?")
                .param(event.paymentId().value())
                .query((rs, row) -> event.paymentStatusAfter(
                        Math.addExact(
                                rs.getLong("amount_refunded"), event.amount().minor()),
                        rs.getLong("amount")))
                .optional()
                // No row for the payment: the update finds none either.
                .orElse(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @EventHandler
    void on(RefundFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        refundStatus(event.refundId().value(), RefundStatus.FAILED);
        update(event, sequence, at, null, params());
    }

    @EventHandler
    void on(PaymentReconciled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        reconciled(
                event,
                ReconciliationStatus.MATCHED,
                event.settlementId(),
                event.fee(),
                event.net(),
                event.settledAt(),
                sequence,
                at);
    }

    @EventHandler
    void on(PaymentReconciliationMismatched event, @SequenceNumber long sequence, @Timestamp Instant at) {
        reconciled(
                event,
                ReconciliationStatus.MISMATCHED,
                event.settlementId(),
                event.fee(),
                event.net(),
                event.settledAt(),
                sequence,
                at);
    }

    /** Disputes leave the payment's status as it is; they are listed with it, and its row counts them in its version. */
    @EventHandler
    void on(DisputeOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO dispute_view (dispute_id, payment_id, amount, fee, currency, status, reason, opened_at)
                        VALUES (?, ?, ?, ?, ?, 'open', ?, ?)
                        ON CONFLICT (dispute_id) DO NOTHING
                        """)
                .params(
                        event.disputeId(),
                        event.paymentId().value(),
                        event.amount().minor(),
                        event.fee().minor(),
                        event.amount().currencyCode(),
                        event.reason(),
                        utc(at))
                .update();
        update(event, sequence, at, null, params());
    }

    @EventHandler
    void on(DisputeWon event, @SequenceNumber long sequence, @Timestamp Instant at) {
        disputeClosed(event.disputeId(), DisputeStatus.WON, at);
        update(event, sequence, at, null, params());
    }

    @EventHandler
    void on(DisputeLost event, @SequenceNumber long sequence, @Timestamp Instant at) {
        disputeClosed(event.disputeId(), DisputeStatus.LOST, at);
        update(event, sequence, at, null, params());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE payment_view, refund_view, dispute_view").update();
    }

    private void reconciled(
            PaymentEvent event,
            ReconciliationStatus outcome,
            String settlementId,
            Money fee,
            Money net,
            Instant settledAt,
            long sequence,
            Instant at) {
        update(
                event,
                sequence,
                at,
                """
                reconciliation_status = :outcome, settlement_id = :settlement, settlement_fee = :fee,
                settlement_net = :net, settled_at = :settledAt""",
                params(
                        "outcome", outcome.code(),
                        "settlement", settlementId,
                        "fee", fee.minor(),
                        "net", net.minor(),
                        "settledAt", settledAt == null ? null : utc(settledAt)));
    }

    /**
     * Applies {@code sets} (may be null) if the row has not seen this event yet, and tells the live feed, whose
     * customers' clients hear only of their own payments: the row names the payment's customer.
     */
    private void update(PaymentEvent event, long sequence, Instant at, String sets, Map<String, Object> params) {
        String assignments = (sets == null ? "" : sets + ", ") + "updated_at = :at, version = :version";
        JdbcClient.StatementSpec statement = jdbc.sql("UPDATE payment_view SET " + assignments
                        + " WHERE payment_id = :id AND version <= :sequence RETURNING customer_id")
                .param("id", event.paymentId().value())
                .param("at", utc(at))
                .param("version", sequence + 1)
                .param("sequence", sequence);
        params.forEach(statement::param);
        List<Customer> updated = statement
                .query((row, i) -> new Customer(row.getString("customer_id")))
                .list();
        if (!updated.isEmpty()) {
            feed.publish(event, updated.get(0).id(), sequence + 1, at);
        }
    }

    /** The customer of an updated row; its id may be null (a payment imported without one). */
    private record Customer(String id) {}

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Named parameters; values may be null. */
    private static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    private void disputeClosed(String disputeId, DisputeStatus outcome, Instant at) {
        jdbc.sql("UPDATE dispute_view SET status = ?, closed_at = ? WHERE dispute_id = ?")
                .params(outcome.code(), utc(at), disputeId)
                .update();
    }

    private void refundStatus(String refundId, RefundStatus status) {
        jdbc.sql("UPDATE refund_view SET status = ? WHERE refund_id = ?")
                .params(status.code(), refundId)
                .update();
    }
}
