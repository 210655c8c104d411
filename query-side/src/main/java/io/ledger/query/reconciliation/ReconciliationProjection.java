package io.ledger.query.reconciliation;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.query.projection.BatchStatements;
import io.ledger.query.projection.PerBatch;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reconciliation: one row per captured payment ({@code reconciliation_view}) with the latest settlement the provider
 * reported for it. Idempotent: a row remembers the last applied sequence number of the payment's stream and skips
 * events at or below it, so a redelivered settlement never overwrites a later one. A processor batch's rows are
 * written just before it commits: one batch of inserts, then one guarded update per payment with the batch's last
 * settlement of it (settlements come in sequence order, so each earlier one would have been overwritten by it).
 */
@Component
@ProcessingGroup(ReconciliationProjection.NAME)
class ReconciliationProjection {

    static final String NAME = "reconciliation";

    private static final String INSERT = """
            INSERT INTO reconciliation_view (payment_id, currency, amount, succeeded_at, last_sequence)
            SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::int8[], ?::varchar[]::timestamptz[], ?::int8[])
            ON CONFLICT (payment_id) DO NOTHING""";

    private static final String SETTLE = """
            UPDATE reconciliation_view
            SET status = ?, settlement_id = ?, gross = ?, fee = ?, net = ?, settled_at = ?, last_sequence = ?
            WHERE payment_id = ? AND last_sequence < ?""";

    private static final int[] SETTLE_TYPES = {
        Types.VARCHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.BIGINT,
        Types.BIGINT,
        Types.TIMESTAMP_WITH_TIMEZONE,
        Types.BIGINT,
        Types.VARCHAR,
        Types.BIGINT
    };

    private final JdbcTemplate jdbc;
    private final PerBatch<Rows> batch;

    ReconciliationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.batch = new PerBatch<>(ReconciliationProjection.class, Rows::new, this::write);
    }

    @EventHandler
    void on(PaymentSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String paymentId = event.paymentId().value();
        batch.add(rows -> {
            if (rows.settlements.containsKey(paymentId)) {
                // Not to be reordered before the settlement buffered already.
                write(rows);
            }
            rows.inserts.putIfAbsent(paymentId, new Object[] {
                paymentId, event.amount().currencyCode(), event.amount().minor(), utc(at), sequence
            });
        });
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
        jdbc.execute("TRUNCATE reconciliation_view");
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
        Object[] settlement = {
            status.code(),
            settlementId,
            gross.minor(),
            fee.minor(),
            net.minor(),
            settledAt == null ? null : utc(settledAt),
            sequence,
            paymentId.value(),
            sequence
        };
        batch.add(rows -> rows.settlements.merge(
                paymentId.value(),
                settlement,
                (earlier, later) -> (long) later[6] > (long) earlier[6] ? later : earlier));
    }

    private void write(Rows rows) {
        BatchStatements.insertAll(
                jdbc, INSERT, new boolean[] {false, false, true, false, true}, new ArrayList<>(rows.inserts.values()));
        BatchStatements.execute(jdbc, SETTLE, SETTLE_TYPES, new ArrayList<>(rows.settlements.values()));
        rows.inserts.clear();
        rows.settlements.clear();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A batch's new rows and each payment's latest settlement, by payment. */
    private static final class Rows {
        final Map<String, Object[]> inserts = new LinkedHashMap<>();
        final Map<String, Object[]> settlements = new LinkedHashMap<>();
    }
}
