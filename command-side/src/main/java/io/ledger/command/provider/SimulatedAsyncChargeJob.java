package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.metadata.Source;
import io.ledger.api.payment.RecordProcessingSucceededCommand;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Completes the simulated provider's asynchronous charges once they are due, as Stripe's webhook would; the events say
 * so: {@code source=simulation}, {@code actor=simulated-provider}. Several instances may run it at once:
 *
 * <ul>
 *   <li>due rows are claimed with a lease, in one statement that skips rows another instance is claiming ({@code FOR
 *       UPDATE SKIP LOCKED}) and moves their due time to the lease's end: no other instance takes them meanwhile, none
 *       waits for another, and no lock is held while the command is handled;
 *   <li>each claimed charge is completed by a {@link RecordProcessingSucceededCommand} naming its attempt, handled in a
 *       unit of work and transaction of its own, on whichever node: the payment records it only while that attempt is
 *       still processing, so a completion sent twice (an instance died after the command committed, or the lease ran
 *       out first) or after the payment failed meanwhile records nothing;
 *   <li>then the row is deleted, if it still carries this claim (a new attempt's row is left alone). A command that
 *       failed leaves the row, due again when the lease ends.
 * </ul>
 *
 * Runs every {@code ledger.simulated.poll-interval}.
 */
class SimulatedAsyncChargeJob {

    private static final Logger log = LoggerFactory.getLogger(SimulatedAsyncChargeJob.class);
    static final Map<String, String> METADATA = Map.of(
            EventMetadata.SOURCE,
            Source.SIMULATION.wire(),
            EventMetadata.ACTOR,
            EventMetadata.Actors.SIMULATED_PROVIDER);
    static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration lease;

    SimulatedAsyncChargeJob(JdbcClient jdbc, CommandGateway commands, Clock clock, Duration lease) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.lease = lease;
    }

    /** A claimed charge: its payment, its attempt (null: stored before attempts were), the claim's lease end. */
    record Claim(String paymentId, @Nullable Integer attempt, Instant leaseEnd) {}

    /** Every {@link SimulatedSettings#pollInterval()}: the same property, the same default. */
    @Scheduled(fixedDelayString = "${ledger.simulated.poll-interval:PT0.5S}")
    void scheduled() {
        List<Claim> claimed;
        do {
            claimed = claimDue();
            claimed.forEach(this::complete);
        } while (claimed.size() == BATCH);
    }

    /** Claims up to {@value #BATCH} due charges, most overdue first; how many this instance completed. */
    int completeDueCharges() {
        List<Claim> claimed = claimDue();
        claimed.forEach(this::complete);
        return claimed.size();
    }

    List<Claim> claimDue() {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE simulated_async_charge c SET due_at = ?
                          FROM (SELECT payment_id FROM simulated_async_charge
                                 WHERE due_at <= ?
                                 ORDER BY due_at
                                 LIMIT ?
                                   FOR UPDATE SKIP LOCKED) due
                         WHERE c.payment_id = due.payment_id
                        RETURNING c.payment_id, c.attempt, c.due_at
                        """)
                .params(Timestamp.from(now.plus(lease)), Timestamp.from(now), BATCH)
                .query((rs, row) -> new Claim(
                        rs.getString("payment_id"),
                        rs.getObject("attempt", Integer.class),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    void complete(Claim claim) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new RecordProcessingSucceededCommand(PaymentId.of(claim.paymentId()), claim.attempt()))
                    .andMetaData(METADATA));
        } catch (RuntimeException e) {
            // The row stays, due again when the claim's lease ends; failing or canceling the payment removes it.
            log.warn("simulated completion of {} failed, will retry: {}", claim.paymentId(), e.toString());
            return;
        }
        jdbc.sql("DELETE FROM simulated_async_charge WHERE payment_id = ? AND due_at = ?")
                .params(claim.paymentId(), Timestamp.from(claim.leaseEnd()))
                .update();
    }
}
