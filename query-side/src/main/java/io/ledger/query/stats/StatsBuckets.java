package io.ledger.query.stats;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Adds facts to the stats buckets. Within a processor's batch the additions are summed in memory and written just
 * before the batch commits (in its transaction, with its token), in key order: one upsert per touched bucket rather
 * than one per event, and two segments that touch the same buckets lock them in the same order, so they may wait for
 * each other but never deadlock.
 */
@Component
class StatsBuckets {

    private static final String PENDING = StatsBuckets.class.getName() + ".pending";

    private final JdbcClient jdbc;

    StatsBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(BucketKey key, BucketFigures figures) {
        if (!CurrentUnitOfWork.isStarted()) {
            write(new TreeMap<>(Map.of(key, figures)));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        SortedMap<BucketKey, BucketFigures> pending = unitOfWork.getOrComputeResource(PENDING, name -> {
            SortedMap<BucketKey, BucketFigures> additions = new TreeMap<>();
            unitOfWork.onPrepareCommit(committing -> write(additions));
            return additions;
        });
        pending.merge(key, figures, BucketFigures::plus);
    }

    private void write(SortedMap<BucketKey, BucketFigures> additions) {
        additions.forEach((key, figures) -> jdbc.sql("""
                        INSERT INTO stats_bucket (day, currency, provider, created, succeeded, failed, canceled,
                            gross_volume, refunded_volume, fee_volume)
                        VALUES (:day, :currency, :provider, :created, :succeeded, :failed, :canceled,
                            :gross, :refunded, :fees)
                        ON CONFLICT (day, currency, provider) DO UPDATE SET
                            created = stats_bucket.created + EXCLUDED.created,
                            succeeded = stats_bucket.succeeded + EXCLUDED.succeeded,
                            failed = stats_bucket.failed + EXCLUDED.failed,
                            canceled = stats_bucket.canceled + EXCLUDED.canceled,
                            gross_volume = stats_bucket.gross_volume + EXCLUDED.gross_volume,
                            refunded_volume = stats_bucket.refunded_volume + EXCLUDED.refunded_volume,
                            fee_volume = stats_bucket.fee_volume + EXCLUDED.fee_volume
                        """)
                .param("day", key.day())
                .param("currency", key.currency())
                .param("provider", key.provider().code())
                .param("created", figures.created())
                .param("succeeded", figures.succeeded())
                .param("failed", figures.failed())
                .param("canceled", figures.canceled())
                .param("gross", figures.grossVolume())
                .param("refunded", figures.refundedVolume())
                .param("fees", figures.feeVolume())
                .update());
    }
}
