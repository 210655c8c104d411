package io.ledger.query.stats;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.RefundSucceeded;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payment stats: counts and volumes per UTC day, currency and provider ({@code stats_bucket}), each fact counted on
 * the day of its event. Events without a currency or provider find them in the projection's own lookup
 * ({@code stats_payment}, filled from {@link PaymentCreated}). Idempotent: the lookup remembers the last applied
 * sequence number of each payment's stream, and an event at or below it is skipped, in the transaction that writes
 * the buckets; a redelivered batch counts nothing twice.
 */
@Component
@ProcessingGroup(StatsProjection.NAME)
class StatsProjection {

    static final String NAME = "payment-stats";

    private final JdbcClient jdbc;
    private final StatsBuckets buckets;

    StatsProjection(JdbcClient jdbc, StatsBuckets buckets) {
        this.jdbc = jdbc;
        this.buckets = buckets;
    }

    @EventHandler
    void on(PaymentCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        int inserted = jdbc.sql("""
                        INSERT INTO stats_payment (payment_id, currency, provider, last_sequence)
                        VALUES (:id, :currency, :provider, :sequence)
                        ON CONFLICT (payment_id) DO NOTHING
                        """)
                .param("id", event.paymentId().value())
                .param("currency", event.amount().currencyCode())
                .param("provider", event.provider().code())
                .param("sequence", sequence)
                .update();
        if (inserted == 1) {
            buckets.add(new BucketKey(day(at), event.amount().currencyCode(), event.provider()), BucketFigures.CREATED);
        }
    }

    @EventHandler
    void on(PaymentSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.paymentId(), sequence)
                .ifPresent(payment -> buckets.add(
                        payment.on(at), BucketFigures.succeeded(event.amount().minor())));
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.paymentId(), sequence).ifPresent(payment -> buckets.add(payment.on(at), BucketFigures.FAILED));
    }

    @EventHandler
    void on(PaymentCanceled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.paymentId(), sequence).ifPresent(payment -> buckets.add(payment.on(at), BucketFigures.CANCELED));
    }

    @EventHandler
    void on(RefundSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        advance(event.paymentId(), sequence)
                .ifPresent(payment -> buckets.add(
                        payment.on(at), BucketFigures.refunded(event.amount().minor())));
    }

    @EventHandler
    void on(PaymentReconciled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        settle(event.paymentId(), event.fee().minor(), sequence, at);
    }

    @EventHandler
    void on(PaymentReconciliationMismatched event, @SequenceNumber long sequence, @Timestamp Instant at) {
        settle(event.paymentId(), event.fee().minor(), sequence, at);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE stats_bucket, stats_payment").update();
    }

    /** Marks the event applied; empty when it was applied before (or the payment is unknown). */
    private Optional<Payment> advance(PaymentId paymentId, long sequence) {
        return jdbc.sql("""
                        UPDATE stats_payment SET last_sequence = :sequence
                        WHERE payment_id = :id AND last_sequence < :sequence
                        RETURNING currency, provider, settled_fee
                        """)
                .param("id", paymentId.value())
                .param("sequence", sequence)
                .query((rs, rowNum) -> new Payment(
                        rs.getString("currency"), provider(rs.getString("provider")), rs.getLong("settled_fee")))
                .optional();
    }

    /** A settlement adds its fee less the fee of the payment's previous settlement, if any. */
    private void settle(PaymentId paymentId, long fee, long sequence, Instant at) {
        jdbc.sql("""
                        UPDATE stats_payment p SET last_sequence = :sequence, settled_fee = :fee
                        FROM stats_payment previous
                        WHERE p.payment_id = :id AND previous.payment_id = p.payment_id
                            AND p.last_sequence < :sequence
                        RETURNING p.currency, p.provider, previous.settled_fee
                        """)
                .param("id", paymentId.value())
                .param("fee", fee)
                .param("sequence", sequence)
                .query((rs, rowNum) -> new Payment(
                        rs.getString("currency"), provider(rs.getString("provider")), rs.getLong("settled_fee")))
                .optional()
                .ifPresent(payment ->
                        buckets.add(payment.on(at), BucketFigures.fee(Math.subtractExact(fee, payment.settledFee()))));
    }

    private static Provider provider(String code) {
        return Provider.valueOf(code.toUpperCase(Locale.ROOT));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** A payment as the lookup knows it; {@code settledFee} is the fee of its latest settlement before this event. */
    private record Payment(String currency, Provider provider, long settledFee) {

        BucketKey on(Instant at) {
            return new BucketKey(day(at), currency, provider);
        }
    }
}
