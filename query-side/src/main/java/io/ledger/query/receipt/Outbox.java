package io.ledger.query.receipt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox of emails ({@code mail_outbox}), as the mail worker moves its rows: every change is one statement that
 * commits on its own, and every change of a claimed row names the claim (its lease's end), so that a worker whose
 * lease ran out changes nothing any more. See the migration for the states.
 */
@Component
class Outbox {

    static final String PENDING = "pending";
    static final String SENDING = "sending";
    static final String SENT = "sent";
    static final String UNCONFIRMED = "unconfirmed";
    static final String FAILED = "failed";
    static final String SKIPPED = "skipped";
    static final String EXPIRED = "expired";

    /** What an email tells. */
    enum Kind {
        RECEIPT,
        FAILURE,
        REFUND;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String code) {
            return Arrays.stream(values())
                    .filter(kind -> kind.code().equals(code))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown kind of email " + code));
        }
    }

    /** A claimed row: what to write, and the claim's token (the lease's end). */
    record Claim(
            long id,
            Kind kind,
            String paymentId,
            String customerId,
            String refundId,
            long amount,
            String currency,
            String failureCode,
            String failureMessage,
            Instant occurredAt,
            int attempts,
            Instant leaseUntil) {

        /** The email's Message-ID, the same on every attempt: a duplicate, should one ever be sent, is recognisable. */
        String messageId(String domain) {
            return "<ledger-mail-" + id + "." + kind.code() + "." + paymentId + "@" + domain + ">";
        }
    }

    /** A row whose lease ran out while it was being sent. */
    record Stale(long id, String kind, String paymentId, String recipient, String messageId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} due rows, oldest first, in one statement that commits on its own: they are {@code
     * sending} from then on, their lease ends at now + {@code lease}, and no other worker takes them ({@code FOR UPDATE
     * SKIP LOCKED}: several nodes share the work, none waits for another). The row says {@code sending} before a byte
     * goes to the SMTP server, so a worker that dies mid-send leaves a row that is never sent again by itself.
     */
    List<Claim> claimDue(int limit, Duration lease, String worker) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        WITH due AS (
                            SELECT id FROM mail_outbox
                             WHERE status = 'pending' AND next_attempt_at <= ?
                             ORDER BY next_attempt_at, id
                             LIMIT ?
                               FOR UPDATE SKIP LOCKED)
                        UPDATE mail_outbox m SET status = 'sending', attempts = m.attempts + 1, lease_until = ?,
                                                 claimed_by = ?
                          FROM due
                         WHERE m.id = due.id
                        RETURNING m.*
                        """).params(utc(now), limit, utc(now.plus(lease)), worker).query(Outbox::claim).list().stream()
                .sorted(java.util.Comparator.comparingLong(Claim::id))
                .toList();
    }

    /**
     * Records whom the email goes to and its Message-ID just before it is sent, so that a row left {@code sending} or
     * {@code unconfirmed} tells the operator what to look for in the SMTP server's log. False when the claim was lost.
     */
    boolean addressed(Claim claim, String recipient, String messageId) {
        return jdbc.sql("UPDATE mail_outbox SET recipient = ?, message_id = ?"
                                + " WHERE id = ? AND status = 'sending' AND lease_until = ?")
                        .params(recipient, messageId, claim.id(), utc(claim.leaseUntil()))
                        .update()
                == 1;
    }

    /** The email was accepted by the SMTP server. False when the claim was lost meanwhile. */
    boolean sent(Claim claim, String recipient, String messageId) {
        return jdbc.sql("UPDATE mail_outbox SET status = 'sent', sent_at = ?, recipient = ?, message_id = ?,"
                                + " last_error = NULL WHERE id = ? AND status = 'sending' AND lease_until = ?")
                        .params(utc(clock.instant()), recipient, messageId, claim.id(), utc(claim.leaseUntil()))
                        .update()
                == 1;
    }

    /** The email was not sent, for good ({@code failed}, {@code skipped}, {@code expired}) or perhaps ({@code unconfirmed}). */
    void finish(Claim claim, String status, String recipient, String messageId, String error) {
        jdbc.sql("UPDATE mail_outbox SET status = ?, recipient = ?, message_id = ?, last_error = ?"
                        + " WHERE id = ? AND status = 'sending' AND lease_until = ?")
                .params(status, recipient, messageId, error, claim.id(), utc(claim.leaseUntil()))
                .update();
    }

    /** An SMTP error that sent nothing: pending again, due at {@code next}. */
    void retry(Claim claim, String recipient, String messageId, String error, Instant next) {
        jdbc.sql("UPDATE mail_outbox SET status = 'pending', next_attempt_at = ?, lease_until = NULL, recipient = ?,"
                        + " message_id = ?, last_error = ? WHERE id = ? AND status = 'sending' AND lease_until = ?")
                .params(utc(next), recipient, messageId, error, claim.id(), utc(claim.leaseUntil()))
                .update();
    }

    /**
     * Rows still {@code sending} after their lease ran out become {@code unconfirmed}, in one statement (each row by
     * one worker only): the worker that sent them died or lost the database between the SMTP server's answer and
     * the mark, so the email may well have gone out. Answers them, for the operator's alert.
     */
    List<Stale> flagStale() {
        return jdbc.sql("""
                        WITH stale AS (
                            SELECT id FROM mail_outbox
                             WHERE status = 'sending' AND lease_until < ?
                               FOR UPDATE SKIP LOCKED)
                        UPDATE mail_outbox m SET status = 'unconfirmed',
                                                 last_error = 'its lease ran out while it was being sent'
                          FROM stale
                         WHERE m.id = stale.id
                        RETURNING m.id, m.kind, m.payment_id, m.recipient, m.message_id
                        """)
                .param(utc(clock.instant()))
                .query((rs, rowNum) -> new Stale(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("payment_id"),
                        rs.getString("recipient"),
                        rs.getString("message_id")))
                .list();
    }

    /** Whether the payment has a receipt now (a failure notice is not sent once the payment succeeded). */
    boolean hasReceipt(String paymentId) {
        return jdbc.sql("SELECT count(*) FROM receipt WHERE payment_id = ?")
                        .param(paymentId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Claim claim(ResultSet rs, int rowNum) throws SQLException {
        return new Claim(
                rs.getLong("id"),
                Kind.of(rs.getString("kind")),
                rs.getString("payment_id"),
                rs.getString("customer_id"),
                rs.getString("refund_id"),
                rs.getLong("amount"),
                rs.getString("currency").trim(),
                rs.getString("failure_code"),
                rs.getString("failure_message"),
                instant(rs.getTimestamp("occurred_at")),
                rs.getInt("attempts"),
                instant(rs.getTimestamp("lease_until")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
