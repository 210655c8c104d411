package io.ledger.command.checkout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code checkout_session} table: one row per session (and per payment). Written in the transaction of whatever
 * runs it: the request's own when it carries an Idempotency-Key, so a session and its payment are stored together or
 * not at all.
 */
class CheckoutSessions {

    static final String OPEN = "open";
    static final String COMPLETE = "complete";
    static final String EXPIRED = "expired";

    private final JdbcClient jdbc;

    CheckoutSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored session. */
    record Session(
            String id,
            String paymentId,
            String customerId,
            @Nullable String providerSessionId,
            String url,
            String successUrl,
            @Nullable String cancelUrl,
            String status,
            Instant expiresAt) {

        boolean open() {
            return OPEN.equals(status);
        }
    }

    /** A session claimed for expiry, until {@code leaseEnd}. */
    record Claim(String id, String paymentId, @Nullable String providerSessionId, Instant leaseEnd) {}

    void insert(Session session, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO checkout_session (id, payment_id, customer_id, provider_session_id, url, success_url,
                                                      cancel_url, status, expires_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        session.id(),
                        session.paymentId(),
                        session.customerId(),
                        session.providerSessionId(),
                        session.url(),
                        session.successUrl(),
                        session.cancelUrl(),
                        session.status(),
                        Timestamp.from(session.expiresAt()),
                        Timestamp.from(createdAt))
                .update();
    }

    Optional<Session> find(String id) {
        return jdbc.sql("SELECT * FROM checkout_session WHERE id = ?")
                .param(id)
                .query(CheckoutSessions::session)
                .optional();
    }

    Optional<Session> ofPayment(String paymentId) {
        return jdbc.sql("SELECT * FROM checkout_session WHERE payment_id = ?")
                .param(paymentId)
                .query(CheckoutSessions::session)
                .optional();
    }

    /** Marks an open session complete (its payment was paid on the page); a session no longer open stays as it is. */
    void completed(String id) {
        jdbc.sql("UPDATE checkout_session SET status = ?, lease_until = NULL WHERE id = ? AND status = ?")
                .params(COMPLETE, id, OPEN)
                .update();
    }

    /**
     * Claims up to {@code limit} open sessions whose time is up, most overdue first, in one statement that skips rows
     * another instance is claiming ({@code FOR UPDATE SKIP LOCKED}) and leases them until {@code leaseEnd}: no other
     * instance takes them meanwhile, none waits for another, and no lock is held while they are expired.
     */
    List<Claim> claimDue(Instant now, Instant leaseEnd, int limit) {
        return jdbc.sql("""
                        UPDATE checkout_session s SET lease_until = ?
                          FROM (SELECT id FROM checkout_session
                                 WHERE status = 'open' AND expires_at <= ?
                                   AND (lease_until IS NULL OR lease_until <= ?)
                                 ORDER BY expires_at
                                 LIMIT ?
                                   FOR UPDATE SKIP LOCKED) due
                         WHERE s.id = due.id
                        RETURNING s.id, s.payment_id, s.provider_session_id, s.lease_until
                        """)
                .params(Timestamp.from(leaseEnd), Timestamp.from(now), Timestamp.from(now), limit)
                .query((rs, row) -> new Claim(
                        rs.getString("id"),
                        rs.getString("payment_id"),
                        rs.getString("provider_session_id"),
                        rs.getTimestamp("lease_until").toInstant()))
                .list();
    }

    /** Ends a claimed session as {@code status}, if it still carries this claim; whether it did. */
    boolean finish(Claim claim, String status) {
        return jdbc.sql("""
                        UPDATE checkout_session SET status = ?, lease_until = NULL
                         WHERE id = ? AND status = 'open' AND lease_until = ?
                        """)
                        .params(status, claim.id(), Timestamp.from(claim.leaseEnd()))
                        .update()
                == 1;
    }

    private static Session session(ResultSet rs, int row) throws SQLException {
        return new Session(
                rs.getString("id"),
                rs.getString("payment_id"),
                rs.getString("customer_id"),
                rs.getString("provider_session_id"),
                rs.getString("url"),
                rs.getString("success_url"),
                rs.getString("cancel_url"),
                rs.getString("status"),
                rs.getTimestamp("expires_at").toInstant());
    }
}
