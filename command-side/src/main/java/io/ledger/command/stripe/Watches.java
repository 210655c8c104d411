package io.ledger.command.stripe;

import io.ledger.api.money.Money;
import io.ledger.api.retry.Backoff;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The janitor's reads and writes of its work list ({@code stripe_payment_watch}, {@code stripe_refund_watch}, kept in
 * step with the events by {@link StripeWorkList}). A row is claimed with a lease: one statement takes the most overdue
 * row no other instance is claiming ({@code FOR UPDATE SKIP LOCKED}) and moves its next check to the end of the lease,
 * so no other instance takes it while this one works it, and no lock is held while Stripe answers or while the
 * command it leads to is handled (on whichever node). The claimed row's check time is the claim's token: an event that
 * began or ended a wait resets or clears it, and {@link #checkedWithoutNews} changes only a row that still carries it.
 * An instance that dies holding a claim leaves the row due again when the lease ends.
 */
class Watches {

    private final JdbcClient jdbc;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration lease;

    Watches(JdbcClient jdbc, Backoff backoff, Clock clock, Duration lease) {
        this.jdbc = jdbc;
        this.backoff = backoff;
        this.clock = clock;
        this.lease = lease;
    }

    /** Claims the most overdue payment, if one is due; its {@code nextCheckAt} is then the lease's end. */
    Optional<Watch.PaymentWatch> claimDuePayment() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE stripe_payment_watch w SET next_check_at = ?
                          FROM (SELECT payment_id FROM stripe_payment_watch
                                 WHERE next_check_at <= ?
                                 ORDER BY next_check_at
                                 LIMIT 1
                                   FOR UPDATE SKIP LOCKED) due
                         WHERE w.payment_id = due.payment_id
                        RETURNING w.payment_id, w.provider_payment_id, w.status, w.payment_method, w.charge_attempts,
                                  w.next_check_at, w.checks
                        """)
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now))
                .query((rs, row) -> new Watch.PaymentWatch(
                        rs.getString("payment_id"),
                        rs.getString("provider_payment_id"),
                        rs.getString("status"),
                        rs.getString("payment_method"),
                        rs.getInt("charge_attempts"),
                        rs.getTimestamp("next_check_at").toInstant(),
                        rs.getInt("checks")))
                .optional();
    }

    /** Claims the most overdue refund, if one is due; its {@code nextCheckAt} is then the lease's end. */
    Optional<Watch.RefundWatch> claimDueRefund() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE stripe_refund_watch w SET next_check_at = ?
                          FROM (SELECT refund_id FROM stripe_refund_watch
                                 WHERE next_check_at <= ?
                                 ORDER BY next_check_at
                                 LIMIT 1
                                   FOR UPDATE SKIP LOCKED) due
                         WHERE w.refund_id = due.refund_id
                        RETURNING w.refund_id, w.payment_id, w.provider_payment_id, w.provider_refund_id, w.amount,
                                  w.currency, w.reason, w.next_check_at, w.checks
                        """)
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now))
                .query((rs, row) -> new Watch.RefundWatch(
                        rs.getString("refund_id"),
                        rs.getString("payment_id"),
                        rs.getString("provider_payment_id"),
                        rs.getString("provider_refund_id"),
                        Money.of(rs.getLong("amount"), rs.getString("currency")),
                        rs.getString("reason"),
                        rs.getTimestamp("next_check_at").toInstant(),
                        rs.getInt("checks")))
                .optional();
    }

    /** Keeps the Stripe id of a refund whose answer was lost, for the next look. */
    void rememberProviderRefund(String refundId, String providerRefundId) {
        jdbc.sql("UPDATE stripe_refund_watch SET provider_refund_id = ? WHERE refund_id = ?")
                .params(providerRefundId, refundId)
                .update();
    }

    /**
     * Schedules the next look when this one changed nothing: the row still has the check time it was claimed with
     * (an event that began or ended a wait would have reset or cleared it; another instance that claimed it after the
     * lease ran out would have moved it).
     */
    void checkedWithoutNews(Watch watch) {
        jdbc.sql("UPDATE " + watch.table() + " SET checks = checks + 1, next_check_at = ? WHERE " + watch.keyColumn()
                        + " = ? AND next_check_at = ?")
                .params(
                        Timestamp.from(clock.instant().plus(backoff.delay(nextDelay(watch)))),
                        watch.id(),
                        Timestamp.from(watch.nextCheckAt()))
                .update();
    }

    /** The backoff's first delay is the wait before any look; after n looks without news comes its (n + 1)-th. */
    private static int nextDelay(Watch watch) {
        int looksWithoutNews = watch.checks() + 1; // this one included
        return looksWithoutNews + 1;
    }
}
