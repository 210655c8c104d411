package io.ledger.query.payment;

import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeStatus;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentArchived;
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
import io.ledger.api.payment.PaymentUpdated;
import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.query.projection.PerBatch;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payment history: one row per payment, plus its refunds and disputes. Writes are idempotent: a payment's row records
 * how many of its events it reflects ({@code version}); an event at or below that is skipped, so a redelivered batch or
 * a replay over existing rows changes nothing. The handlers gather a processor batch's changes in a {@link
 * PaymentHistoryBatch}, written just before the batch commits: each touched row is read once and written once.
 */
@Component
@ProcessingGroup(PaymentHistoryProjection.NAME)
class PaymentHistoryProjection {

    static final String NAME = "payment-history";

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PerBatch<PaymentHistoryBatch> batch;

    PaymentHistoryProjection(JdbcTemplate jdbc, JsonMapper json, PaymentFeed feed) {
        this.jdbc = jdbc;
        this.json = json;
        this.batch = new PerBatch<>(
                PaymentHistoryProjection.class, () -> new PaymentHistoryBatch(jdbc, feed), PaymentHistoryBatch::write);
    }

    @EventHandler
    void on(PaymentCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String metadata = json.writeValueAsString(event.metadata());
        batch.add(changes -> changes.create(event, sequence, at, metadata));
    }

    @EventHandler
    void on(PaymentProcessingStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, row -> row.status = "processing");
    }

    /** Our own guess, until the provider is asked: clients see it as processing. */
    @EventHandler
    void on(PaymentOutcomeUnknown event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, row -> row.status = "processing");
    }

    @EventHandler
    void on(PaymentActionRequired event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, row -> row.status = "requires_action");
    }

    @EventHandler
    void on(PaymentSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, row -> {
            row.status = "succeeded";
            row.failureCode = null;
            row.failureMessage = null;
            row.succeededAt = utc(at);
            if (event.providerPaymentId() != null) {
                row.providerPaymentId = event.providerPaymentId();
            }
        });
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, row -> {
            row.status = "failed";
            row.failureCode = event.code();
            row.failureMessage = event.message();
        });
    }

    @EventHandler
    void on(PaymentCanceled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, row -> row.status = "canceled");
    }

    /** Only what the update changed; the metadata is merged into the row's as the event says. */
    @EventHandler
    void on(PaymentUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, row -> {
            if (event.amount() != null) {
                row.amount = event.amount().to().minor();
            }
            if (event.description() != null) {
                row.description = event.description().to();
            }
            if (event.orderId() != null) {
                row.orderId = event.orderId().to();
            }
            if (!event.metadata().isEmpty()) {
                row.metadataJson =
                        json.writeValueAsString(event.metadataAfter(json.readValue(row.metadataJson, STRING_MAP)));
            }
        });
    }

    /** The row stays; lists, the export and the feed leave it out unless they ask for archived payments. */
    @EventHandler
    void on(PaymentArchived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event, sequence, at, row -> row.archived = true);
    }

    @EventHandler
    void on(RefundRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(changes -> changes.insertRefund(
                event.refundId().value(),
                event.paymentId().value(),
                event.amount().minor(),
                event.amount().currencyCode(),
                event.reason(),
                at));
        update(event, sequence, at, null);
    }

    /**
     * The payment's status is the one the refund's event says it left. An event stored before refunds carried that
     * status is read by the rule of its time, from what the row had refunded before it.
     */
    @EventHandler
    void on(RefundSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(changes -> changes.refundStatus(event.refundId().value(), RefundStatus.SUCCEEDED.code()));
        long refunded = event.amount().minor();
        update(event, sequence, at, row -> {
            PaymentStatus status = event.paymentStatus() != null
                    ? event.paymentStatus()
                    : event.paymentStatusAfter(Math.addExact(row.amountRefunded, refunded), row.amount);
            row.amountRefunded = Math.addExact(row.amountRefunded, refunded);
            row.status = status.code();
        });
    }

    @EventHandler
    void on(RefundFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(changes -> changes.refundStatus(event.refundId().value(), RefundStatus.FAILED.code()));
        update(event, sequence, at, null);
    }

    @EventHandler
    void on(PaymentReconciled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(
                event,
                sequence,
                at,
                reconciled(
                        ReconciliationStatus.MATCHED,
                        event.settlementId(),
                        event.fee(),
                        event.net(),
                        event.settledAt()));
    }

    @EventHandler
    void on(PaymentReconciliationMismatched event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(
                event,
                sequence,
                at,
                reconciled(
                        ReconciliationStatus.MISMATCHED,
                        event.settlementId(),
                        event.fee(),
                        event.net(),
                        event.settledAt()));
    }

    /** Disputes leave the payment's status as it is; they are listed with it, and its row counts them in its version. */
    @EventHandler
    void on(DisputeOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(changes -> changes.insertDispute(
                event.disputeId(),
                event.paymentId().value(),
                event.amount().minor(),
                event.fee().minor(),
                event.amount().currencyCode(),
                event.reason(),
                at));
        update(event, sequence, at, null);
    }

    @EventHandler
    void on(DisputeWon event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(changes -> changes.closeDispute(event.disputeId(), DisputeStatus.WON.code(), at));
        update(event, sequence, at, null);
    }

    @EventHandler
    void on(DisputeLost event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(changes -> changes.closeDispute(event.disputeId(), DisputeStatus.LOST.code(), at));
        update(event, sequence, at, null);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE payment_view, refund_view, dispute_view");
    }

    private static Consumer<PaymentHistoryBatch.Row> reconciled(
            ReconciliationStatus outcome, String settlementId, Money fee, Money net, Instant settledAt) {
        return row -> {
            row.reconciliationStatus = outcome.code();
            row.settlementId = settlementId;
            row.settlementFee = fee.minor();
            row.settlementNet = net.minor();
            row.settledAt = settledAt == null ? null : utc(settledAt);
        };
    }

    /**
     * Applies {@code change} (may be null) to the payment's row if the row has not seen this event yet; the live feed
     * hears of every applied event once the batch committed.
     */
    private void update(PaymentEvent event, long sequence, Instant at, Consumer<PaymentHistoryBatch.Row> change) {
        batch.add(changes -> changes.update(event, sequence, at, change));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
