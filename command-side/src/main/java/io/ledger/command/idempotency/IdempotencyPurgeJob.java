package io.ledger.command.idempotency;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Forgets idempotency keys once they are older than the retention (24 hours unless configured). */
class IdempotencyPurgeJob {

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
        int purged = store.purgeOlderThan(retention);
        if (purged > 0) {
            log.info("purged {} idempotency keys older than {}", purged, retention);
        }
    }
}
