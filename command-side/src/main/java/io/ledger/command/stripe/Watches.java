package io.ledger.command.stripe;

import io.ledger.api.money.Money;
import io.ledger.api.retry.Backoff;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The janitor's reads and writes of its work list ({@code stripe_payment_watch}, {@code stripe_refund_watch}, kept in
 * step with the events by {@link StripeWorkList}): the most overdue row, locked with {@code SKIP LOCKED} and leased so
 * two instances never work the same one, and its next check. The look-ups and the lease run in the claiming transaction.
 */
class Watches {

    /**
     * How long a claimed row is another instance's to leave alone: longer than a look takes (its Stripe calls give up
     * after {@code stripe.retry.max-total}, 30 s by default).
     */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Backoff backoff;
    private final Clock clock;

    Watches(JdbcClient jdbc, Backoff backoff, Clock clock) {
        this.jdbc = jdbc;
        this.backoff = backoff;
        this.clock = clock;
    }

    Optional<Watch.PaymentWatch> duePayment() {
        return jdbc.sql("""
                        SELECT payment_id, provider_payment_id, status, payment_method, charge_attempts,
                               next_check_at, checks
                          FROM stripe_payment_watch
                         WHERE next_check_at <= ?
                         ORDER BY next_check_at
                         LIMIT 1
                           FOR UPDATE SKIP LOCKED
                        """)
                .param(Timestamp.from(clock.instant()))
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

    Optional<Watch.RefundWatch> dueRefund() {
        return jdbc.sql("""
                        SELECT refund_id, payment_id, provider_payment_id, provider_refund_id, amount, currency, reason,
                               next_check_at, checks
                          FROM stripe_refund_watch
                         WHERE next_check_at <= ?
                         ORDER BY next_check_at
                         LIMIT 1
                           FOR UPDATE SKIP LOCKED
                        """)
                .param(Timestamp.from(clock.instant()))
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

    /**
     * Claims a row that {@link #duePayment()} or {@link #dueRefund()} locked: its next check moves {@link #LEASE} ahead,
     * to commit with the claim, so the row is worked without its lock and no other instance works it meanwhile. An
     * instance that dies while working it leaves it due when the lease ends.
     */
    @SuppressWarnings("unchecked")
    <W extends Watch> W lease(W watch) {
        Instant until = clock.instant().plus(LEASE).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("UPDATE " + watch.table() + " SET next_check_at = ? WHERE " + watch.keyColumn() + " = ?")
                .params(Timestamp.from(until), watch.id())
                .update();
        return (W) watch.dueAt(until);
    }

    /** Keeps the Stripe id of a refund whose answer was lost, for the next look. */
    void rememberProviderRefund(String refundId, String providerRefundId) {
        jdbc.sql("UPDATE stripe_refund_watch SET provider_refund_id = ? WHERE refund_id = ?")
                .params(providerRefundId, refundId)
                .update();
    }

    /**
     * Schedules the next look when this one changed nothing: the row still has the check time it was claimed with
     * (an event that began or ended a wait would have reset or cleared it).
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
