package io.ledger.query.stats;

import io.ledger.query.projection.BatchStatements;
import java.sql.Types;
import java.util.SortedMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds a batch's summed facts to the stats buckets, as one JDBC batch of upserts in key order: two segments that touch
 * the same buckets lock them in the same order, so they may wait for each other but never deadlock.
 */
@Component
class StatsBuckets {

    private static final String UPSERT = """
            INSERT INTO stats_bucket (day, currency, provider, created, succeeded, failed, canceled,
                gross_volume, refunded_volume, fee_volume)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (day, currency, provider) DO UPDATE SET
                created = stats_bucket.created + EXCLUDED.created,
                succeeded = stats_bucket.succeeded + EXCLUDED.succeeded,
                failed = stats_bucket.failed + EXCLUDED.failed,
                canceled = stats_bucket.canceled + EXCLUDED.canceled,
                gross_volume = stats_bucket.gross_volume + EXCLUDED.gross_volume,
                refunded_volume = stats_bucket.refunded_volume + EXCLUDED.refunded_volume,
                fee_volume = stats_bucket.fee_volume + EXCLUDED.fee_volume""";

    private static final int[] TYPES = {
        Types.DATE,
        Types.CHAR,
        Types.VARCHAR,
        Types.BIGINT,
        Types.BIGINT,
        Types.BIGINT,
        Types.BIGINT,
        Types.BIGINT,
        Types.BIGINT,
        Types.BIGINT
    };

    private final JdbcTemplate jdbc;

    StatsBuckets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void write(SortedMap<BucketKey, BucketFigures> additions) {
        BatchStatements.execute(
                jdbc,
                UPSERT,
                TYPES,
                additions.entrySet().stream()
                        .map(addition -> {
                            BucketKey key = addition.getKey();
                            BucketFigures figures = addition.getValue();
                            return new Object[] {
                                key.day(),
                                key.currency(),
                                key.provider().code(),
                                figures.created(),
                                figures.succeeded(),
                                figures.failed(),
                                figures.canceled(),
                                figures.grossVolume(),
                                figures.refundedVolume(),
                                figures.feeVolume()
                            };
                        })
                        .toList());
    }
}
