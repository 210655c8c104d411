package io.ledger.command.idempotency;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets idempotency keys once they are older than the retention (24 hours unless configured), {@value #BATCH} at a
 * time, each batch in a statement of its own. Several instances may purge at once: each deletes rows the others are not
 * deleting ({@link IdempotencyStore#purgeOlderThan}) and none waits for another; a batch's row locks last one
 * statement.
 */
class IdempotencyPurgeJob {

    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurgeJob.class);

    private final IdempotencyStore store;
    private final Duration retention;

    IdempotencyPurgeJob(IdempotencyStore store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    /** Every {@link IdempotencySettings#purgeInterval()}: the same property, the same default. */
    @Scheduled(fixedDelayString = "${ledger.idempotency.purge-interval:PT1H}")
    void purge() {
        int purged = purgeExpired();
        if (purged > 0) {
            log.info("purged {} idempotency keys older than {}", purged, retention);
        }
    }

    /** Purges every expired key this instance can get at (batches until one comes back short); how many it deleted. */
    int purgeExpired() {
        int total = 0;
        int purged;
        do {
            purged = store.purgeOlderThan(retention, BATCH);
            total += purged;
        } while (purged == BATCH);
        return total;
    }
}
