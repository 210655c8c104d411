package io.ledger.query.stats;

import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.query.projection.PerBatch;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payment stats: counts and volumes per UTC day, currency and provider ({@code stats_bucket}), each fact counted on
 * the day of its event. Events without a currency or provider find them in the projection's own lookup
 * ({@code stats_payment}, filled from {@link PaymentCreated}). Idempotent: the lookup remembers the last applied
 * sequence number of each payment's stream, and an event at or below it is skipped, in the transaction that writes
 * the buckets; a redelivered batch counts nothing twice. A processor batch's facts are gathered in a {@link
 * StatsBatch} and written just before the batch commits.
 */
@Component
@ProcessingGroup(StatsProjection.NAME)
class StatsProjection {

    static final String NAME = "payment-stats";

    private final JdbcTemplate jdbc;
    private final PerBatch<StatsBatch> batch;

    StatsProjection(JdbcTemplate jdbc, StatsBuckets buckets) {
        this.jdbc = jdbc;
        this.batch = new PerBatch<>(StatsProjection.class, () -> new StatsBatch(jdbc, buckets), StatsBatch::write);
    }

    @EventHandler
    void on(PaymentCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(facts -> facts.created(
                event.paymentId().value(), event.amount().currencyCode(), event.provider(), sequence, at));
    }

    @EventHandler
    void on(PaymentSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(facts -> facts.counted(
                event.paymentId().value(),
                sequence,
                at,
                BucketFigures.succeeded(event.amount().minor())));
    }

    @EventHandler
    void on(PaymentFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(facts -> facts.counted(event.paymentId().value(), sequence, at, BucketFigures.FAILED));
    }

    @EventHandler
    void on(PaymentCanceled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(facts -> facts.counted(event.paymentId().value(), sequence, at, BucketFigures.CANCELED));
    }

    @EventHandler
    void on(RefundSucceeded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(facts -> facts.counted(
                event.paymentId().value(),
                sequence,
                at,
                BucketFigures.refunded(event.amount().minor())));
    }

    @EventHandler
    void on(PaymentReconciled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(facts -> facts.settled(
                event.paymentId().value(), sequence, at, event.fee().minor()));
    }

    @EventHandler
    void on(PaymentReconciliationMismatched event, @SequenceNumber long sequence, @Timestamp Instant at) {
        batch.add(facts -> facts.settled(
                event.paymentId().value(), sequence, at, event.fee().minor()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE stats_bucket, stats_payment");
    }
}
