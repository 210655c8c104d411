package io.ledger.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.Concurrently;
import io.ledger.app.support.WorkersIntegrationTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two purges of expired idempotency keys on one database, as two nodes run them: between them every expired key is
 * deleted once, the kept ones stay, and neither waits for the other.
 */
@WorkersIntegrationTest
class IdempotencyPurgeConcurrencyIT {

    private static final Duration RETENTION = Duration.ofHours(24);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void twoPurgesDeleteEveryExpiredKeyOnceBetweenThem() throws Exception {
        String scope = "purge-" + UUID.randomUUID();
        keys(scope, "old", 12_000, "25 hours");
        keys(scope, "new", 300, "1 hour");
        IdempotencyPurgeJob one = new IdempotencyPurgeJob(new IdempotencyStore(jdbc), RETENTION);
        IdempotencyPurgeJob other = new IdempotencyPurgeJob(new IdempotencyStore(jdbc), RETENTION);

        List<Integer> purged = Concurrently.run(Duration.ofMinutes(2), one::purgeExpired, other::purgeExpired);

        assertThat(left(scope, "old")).isZero();
        assertThat(left(scope, "new")).isEqualTo(300);
        // Only this test's keys are old enough: whatever one purge deleted the other did not.
        assertThat(purged.get(0) + purged.get(1)).isEqualTo(12_000);
        System.out.printf("two idempotency purges: %d and %d of 12000 keys%n", purged.get(0), purged.get(1));
    }

    @Test
    void aPurgeLeavesTheKeysAnotherPurgeIsDeletingWithoutWaitingForIt() throws Exception {
        String scope = "purge-" + UUID.randomUUID();
        keys(scope, "old", 50, "25 hours");
        IdempotencyPurgeJob purge = new IdempotencyPurgeJob(new IdempotencyStore(jdbc), RETENTION);
        try (Connection other = dataSource.getConnection();
                Statement statement = other.createStatement()) {
            other.setAutoCommit(false);
            statement.execute("SELECT 1 FROM idempotency_key WHERE scope = '" + scope + "'"
                    + " AND idempotency_key LIKE 'old-1_' FOR UPDATE");

            long started = System.nanoTime();
            int purged = purge.purgeExpired();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(purged).isEqualTo(40);
            other.rollback();
        }
        assertThat(purge.purgeExpired()).isEqualTo(10);
        assertThat(left(scope, "old")).isZero();
    }

    private void keys(String scope, String prefix, int count, String age) {
        jdbc.sql("""
                        INSERT INTO idempotency_key (scope, idempotency_key, fingerprint, response_status, response_body,
                                                     created_at)
                        SELECT ?, ? || '-' || n, repeat('0', 64), 200, '{}', now() - CAST(? AS interval)
                          FROM generate_series(1, ?) AS n
                        """).params(scope, prefix, age, count).update();
    }

    private long left(String scope, String prefix) {
        return jdbc.sql("SELECT count(*) FROM idempotency_key WHERE scope = ? AND idempotency_key LIKE ?")
                .params(scope, prefix + "-%")
                .query(Long.class)
                .single();
    }
}
