package io.ledger.query.reconciliation;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.ReconciliationStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reconciliation: one row per captured payment ({@code reconciliation_view}) with the latest settlement the provider
 * reported for it. Idempotent: a row remembers the last applied sequence number of the payment's stream and skips
 * events at or below it, so a redelivered settlement never overwrites a later one.
 */
@Component
@ProcessingGroup(ReconciliationProjection.NAME)
class ReconciliationProjection {

    static final String NAME = "reconciliation";

    private final JdbcClient jdbc;

    ReconciliationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO reconciliation_view (payment_id, currency, amount, succeeded_at, last_sequence)
                        VALUES (:id, :currency, :amount, :at, :sequence)
                        ON CONFLICT (payment_id) DO NOTHING
                        """)
                .param("id", event.paymentId().value())
                .param("currency", event.amount().currencyCode())
                .param("amount", event.amount().minor())
                .param("at", utc(at))
                .param("sequence", sequence)
                .update();
    }

    @EventHandler
    void on(PaymentReconciled event, @SequenceNumber long sequence) {
        settle(
                event.paymentId(),
                ReconciliationStatus.MATCHED,
                event.settlementId(),
                event.gross(),
                event.fee(),
                event.net(),
                event.settledAt(),
                sequence);
    }

    @EventHandler
    void on(PaymentReconciliationMismatched event, @SequenceNumber long sequence) {
        settle(
                event.paymentId(),
                ReconciliationStatus.MISMATCHED,
                event.settlementId(),
                event.gross(),
                event.fee(),
                event.net(),
                event.settledAt(),
                sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE reconciliation_view").update();
    }

    private void settle(
            PaymentId paymentId,
            ReconciliationStatus status,
            String settlementId,
            Money gross,
            Money fee,
            Money net,
            Instant settledAt,
            long sequence) {
        jdbc.sql("""
                        UPDATE reconciliation_view
                        SET status = :status, settlement_id = :settlement, gross = :gross, fee = :fee, net = :net,
                            settled_at = :settledAt, last_sequence = :sequence
                        WHERE payment_id = :id AND last_sequence < :sequence
                        """)
                .param("id", paymentId.value())
                .param("status", status.code())
                .param("settlement", settlementId)
                .param("gross", gross.minor())
                .param("fee", fee.minor())
                .param("net", net.minor())
                .param("settledAt", settledAt == null ? null : utc(settledAt))
                .param("sequence", sequence)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
