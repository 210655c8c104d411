package io.ledger.app.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every node's count of a caller, in one place: a Bucket4j token bucket per caller in PostgreSQL ({@code
 * rate_limit_bucket}, made by Flyway), so that N nodes behind a load balancer allow a caller {@code perSecond} calls a
 * second in all, not N times as many. Each call takes one short transaction of its own that locks the caller's row
 * ({@code SELECT ... FOR UPDATE}: PostgreSQL's own lock, whichever node asks), on a pooled connection taken and given
 * back before the call goes on. The key is the caller's name as it is (a {@code text} primary key, Bucket4j's string
 * key mapper): no hashing, so two callers never share a bucket. A bucket refills {@code perSecond} permits at each
 * second's end, as the in-memory limiter does; rows of callers that stayed away until their bucket was full again are
 * deleted every minute, by any node. Time is the nodes' clocks: they must agree (NTP), as for tokens' expiry.
 */
final class SharedCallerLimits implements CallerLimits {

    static final String TABLE = "rate_limit_bucket";

    private static final Logger log = LoggerFactory.getLogger(SharedCallerLimits.class);
    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final BucketConfiguration configuration;

    SharedCallerLimits(DataSource dataSource, int perSecond) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("caller")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perSecond).refillIntervally(perSecond, Duration.ofSeconds(1)))
                .build();
    }

    @Override
    public boolean tryAcquire(String caller) {
        return buckets.builder().build(caller, () -> configuration).tryConsume(1);
    }

    /** Forgets the buckets of callers gone quiet (a full bucket is the same as none), in batches any node may take. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void removeExpired() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(CLEANUP_BATCH);
            } while (removed == CLEANUP_BATCH);
        } catch (RuntimeException e) {
            log.warn("could not remove expired rate limit buckets, will try again: {}", e.toString());
        }
    }
}
