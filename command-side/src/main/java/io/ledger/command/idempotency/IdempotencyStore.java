package io.ledger.command.idempotency;

import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotency records in PostgreSQL. A key is claimed with a transaction-scoped advisory lock taken in the same
 * statement that looks the key up: a second request with the key while the first runs gets the lock refused at once
 * (409), instead of waiting on the first one's uncommitted row.
 */
class IdempotencyStore {

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the transaction that will also hold the request's effects. */
    Claim claim(String scope, String key, String fingerprint) {
        return jdbc.sql("""
                        SELECT pg_try_advisory_xact_lock(hashtextextended(:scope || ' ' || :key, 0)) AS locked,
                               k.fingerprint, k.response_status, k.response_location, k.response_body
                          FROM (SELECT 1) AS one
                          LEFT JOIN idempotency_key k ON k.scope = :scope AND k.idempotency_key = :key
                        """)
                .param("scope", scope)
                .param("key", key)
                .query((rs, row) -> {
                    if (!rs.getBoolean("locked")) {
                        return Claim.IN_USE;
                    }
                    String storedFingerprint = rs.getString("fingerprint");
                    if (storedFingerprint == null) {
                        return Claim.NEW;
                    }
                    if (!storedFingerprint.equals(fingerprint)) {
                        return Claim.REUSED;
                    }
                    return new Claim(
                            Claim.Kind.REPLAY,
                            Optional.of(new StoredResponse(
                                    rs.getInt("response_status"),
                                    rs.getString("response_location"),
                                    rs.getString("response_body"))));
                })
                .single();
    }

    /** Records the response; fails on a concurrent duplicate, which rolls the whole request back. */
    void save(String scope, String key, String fingerprint, StoredResponse response) {
        jdbc.sql("""
                        INSERT INTO idempotency_key
                            (scope, idempotency_key, fingerprint, response_status, response_location, response_body)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                .params(scope, key, fingerprint, response.status(), response.location(), response.body())
                .update();
    }

    /**
     * Deletes up to {@code limit} keys older than {@code age}, in one statement of its own (autocommit: its locks last
     * only as long as it). Rows another instance's purge is deleting are skipped ({@code SKIP LOCKED}), so several
     * instances purging at once share the rows instead of waiting on each other, and each row is deleted once.
     */
    int purgeOlderThan(Duration age, int limit) {
        return jdbc.sql("""
                        DELETE FROM idempotency_key k
                         USING (SELECT scope, idempotency_key FROM idempotency_key
                                 WHERE created_at < now() - make_interval(secs => ?)
                                 LIMIT ? FOR UPDATE SKIP LOCKED) expired
                         WHERE k.scope = expired.scope AND k.idempotency_key = expired.idempotency_key
                        """).params(age.toSeconds(), limit).update();
    }

    /** The outcome of looking a key up. */
    record Claim(Kind kind, Optional<StoredResponse> response) {
        static final Claim NEW = new Claim(Kind.NEW, Optional.empty());
        static final Claim IN_USE = new Claim(Kind.IN_USE, Optional.empty());
        static final Claim REUSED = new Claim(Kind.REUSED, Optional.empty());

        enum Kind {
            NEW,
            REPLAY,
            REUSED,
            IN_USE
        }
    }

    /** What the first request answered. */
    record StoredResponse(int status, String location, String body) {}
}
