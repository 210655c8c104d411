package io.ledger.webhook.stripe;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox table {@code stripe_webhook_event}: one row per Stripe event id, the raw body kept as evidence, and the
 * processing state the worker moves it through: received (or retrying) until processed or ignored, dead after too many
 * failures, until an operator retries it.
 */
@Component
class Inbox {

    static final String RECEIVED = "received";
    static final String RETRYING = "retrying";
    static final String PROCESSED = "processed";
    static final String IGNORED = "ignored";
    static final String DEAD = "dead";

    /** One inbox row, without its payload unless asked for. */
    record Row(
            String eventId,
            String type,
            String apiVersion,
            Instant created,
            Instant receivedAt,
            String state,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            String payload) {}

    private static final String COLUMNS =
            "stripe_event_id, event_type, api_version, created_at, received_at, state, attempts, next_attempt_at, last_error";

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a verified event; false when its id was stored before (a redelivery), which then changes nothing. */
    boolean store(StripeEvent event, String payload) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        INSERT INTO stripe_webhook_event (stripe_event_id, event_type, api_version, created_at,
                                                          received_at, payload, state, attempts, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'received', 0, ?)
                        ON CONFLICT (stripe_event_id) DO NOTHING
                        """)
                        .params(
                                event.id(),
                                event.type(),
                                event.apiVersion(),
                                utc(event.created()),
                                utc(now),
                                payload,
                                utc(now))
                        .update()
                == 1;
    }

    /** A row claimed for processing: its payload, and the end of the lease, which is also the claim's token. */
    record Claim(String eventId, String payload, Instant leaseEnd) {}

    /**
     * Claims up to {@code limit} due rows, oldest first, in one statement of its own: rows no other instance is
     * claiming at the moment ({@code FOR UPDATE SKIP LOCKED}) get their next attempt moved to the end of the lease, so
     * no other instance takes them while this one works them, and no lock is held meanwhile. A row whose lease ends
     * unfinished (the instance died, or was slower than the lease) is due again.
     */
    List<Claim> claimDue(int limit, Duration lease) {
        Instant now = clock.instant();
        return jdbc
                .sql("""
                        WITH due AS (
                            SELECT stripe_event_id, next_attempt_at AS was_due FROM stripe_webhook_event
                             WHERE state IN ('received', 'retrying') AND next_attempt_at <= ?
                             ORDER BY next_attempt_at, stripe_event_id
                             LIMIT ?
                               FOR UPDATE SKIP LOCKED)
                        UPDATE stripe_webhook_event e SET next_attempt_at = ?
                          FROM due
                         WHERE e.stripe_event_id = due.stripe_event_id
                        RETURNING e.stripe_event_id, e.payload, e.next_attempt_at, due.was_due
                        """)
                .params(utc(now), limit, utc(now.plus(lease)))
                .query((rs, rowNum) -> new Claimed(
                        new Claim(
                                rs.getString("stripe_event_id"),
                                rs.getString("payload"),
                                rs.getTimestamp("next_attempt_at").toInstant()),
                        rs.getTimestamp("was_due").toInstant()))
                .list()
                .stream()
                .sorted(Comparator.comparing(Claimed::wasDue)
                        .thenComparing(claimed -> claimed.claim().eventId()))
                .map(Claimed::claim)
                .toList();
    }

    /** A claim and when its row was due before: the order in which claims are worked (the statement's is lost). */
    private record Claimed(Claim claim, Instant wasDue) {}

    /**
     * The outcome of a successful attempt: processed or ignored. False when the claim was lost (its lease ran out and
     * another instance claimed the row); the other instance's work then ends it.
     */
    boolean finish(Claim claim, String state) {
        return jdbc.sql("UPDATE stripe_webhook_event SET state = ?, processed_at = ?, last_error = NULL"
                                + " WHERE stripe_event_id = ? AND state IN ('received', 'retrying')"
                                + " AND next_attempt_at = ?")
                        .params(state, utc(clock.instant()), claim.eventId(), utc(claim.leaseEnd()))
                        .update()
                == 1;
    }

    /**
     * Counts a failed attempt: retried at {@code nextAttemptAt}, or dead when it was the last one allowed. Nothing
     * when the claim was lost.
     */
    void failed(Claim claim, String error, boolean dead, Instant nextAttemptAt) {
        jdbc.sql("UPDATE stripe_webhook_event SET attempts = attempts + 1, last_error = ?, state = ?,"
                        + " next_attempt_at = ? WHERE stripe_event_id = ? AND state IN ('received', 'retrying')"
                        + " AND next_attempt_at = ?")
                .params(error, dead ? DEAD : RETRYING, utc(nextAttemptAt), claim.eventId(), utc(claim.leaseEnd()))
                .update();
    }

    int attempts(String eventId) {
        return jdbc.sql("SELECT attempts FROM stripe_webhook_event WHERE stripe_event_id = ?")
                .param(eventId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    Optional<Row> find(String eventId) {
        return jdbc.sql("SELECT " + COLUMNS + ", NULL AS payload FROM stripe_webhook_event WHERE stripe_event_id = ?")
                .param(eventId)
                .query(Inbox::row)
                .optional();
    }

    /** Dead letters in the order they were received, after the cursor's (receivedAt, eventId) when given. */
    List<Row> dead(DeadLetterCursor after, int limit) {
        String keyset = after == null ? "" : " AND (received_at, stripe_event_id) > (?, ?)";
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + COLUMNS + ", NULL AS payload"
                + " FROM stripe_webhook_event WHERE state = 'dead'" + keyset
                + " ORDER BY received_at, stripe_event_id LIMIT ?");
        if (after != null) {
            statement = statement.params(utc(after.receivedAt()), after.eventId(), limit);
        } else {
            statement = statement.param(limit);
        }
        return statement.query(Inbox::row).list();
    }

    /** An operator's retry of a dead letter: due now, with a fresh count of attempts. False if it is not dead. */
    boolean retry(String eventId) {
        return jdbc.sql("UPDATE stripe_webhook_event SET state = 'received', attempts = 0, next_attempt_at = ?"
                                + " WHERE stripe_event_id = ? AND state = 'dead'")
                        .params(utc(clock.instant()), eventId)
                        .update()
                == 1;
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                rs.getString("stripe_event_id"),
                rs.getString("event_type"),
                rs.getString("api_version"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("received_at")),
                rs.getString("state"),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"),
                rs.getString("payload"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
