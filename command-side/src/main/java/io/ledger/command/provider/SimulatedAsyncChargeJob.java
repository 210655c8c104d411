package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.metadata.Source;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes the simulated provider's asynchronous charges once they are due, as Stripe's webhook would; the events say
 * so: {@code source=simulation}, {@code actor=simulated-provider}. Each charge is completed in its own transaction with
 * the removal of its row: done exactly once, even across restarts. Runs every {@code ledger.simulated.poll-interval}.
 */
class SimulatedAsyncChargeJob {

    private static final Logger log = LoggerFactory.getLogger(SimulatedAsyncChargeJob.class);
    static final Map<String, String> METADATA = Map.of(
            EventMetadata.SOURCE,
            Source.SIMULATION.wire(),
            EventMetadata.ACTOR,
            EventMetadata.Actors.SIMULATED_PROVIDER);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CommandGateway commands;

    SimulatedAsyncChargeJob(JdbcClient jdbc, TransactionTemplate transaction, CommandGateway commands) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.commands = commands;
    }

    /** Every {@link SimulatedSettings#pollInterval()}: the same property, the same default. */
    @Scheduled(fixedDelayString = "${ledger.simulated.poll-interval:PT0.5S}")
    void completeDueCharges() {
        List<String> due = jdbc.sql("SELECT payment_id FROM simulated_async_charge WHERE due_at <= now() LIMIT 100")
                .query(String.class)
                .list();
        due.forEach(this::complete);
    }

    private void complete(String paymentId) {
        try {
            transaction.executeWithoutResult(tx -> {
                int claimed = jdbc.sql("DELETE FROM simulated_async_charge WHERE payment_id = ?")
                        .param(paymentId)
                        .update();
                if (claimed == 1) {
                    // On several nodes the payment's owner may be another node, which records the success in its own
                    // transaction, committed before this one deletes the row. Should this one roll back then, the row
                    // stays and the next poll sends the command again: a success the payment has is a no-op.
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordPaymentSucceededCommand(
                                    PaymentId.of(paymentId), null, null, ProviderDetails.NONE))
                            .andMetaData(METADATA));
                }
            });
        } catch (RuntimeException e) {
            // The row stays and the next poll retries; canceling the payment removes the row.
            log.warn("simulated completion of {} failed, will retry: {}", paymentId, e.toString());
        }
    }
}
