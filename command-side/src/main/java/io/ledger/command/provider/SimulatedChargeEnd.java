package io.ledger.command.provider;

import io.ledger.api.payment.PaymentFailed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ends the simulated provider's asynchronous charge of a payment that failed meanwhile (a {@code fail} call on a
 * processing payment): the attempt is over, so its row goes, in the failure's own transaction (a subscribing
 * processor). Canceling ends it through the provider port instead. This is tidying, not the guard: a completion
 * already claimed by {@link SimulatedAsyncChargeJob} may still be sent, and the payment, no longer processing that
 * attempt, records nothing of it.
 */
@ProcessingGroup(SimulatedChargeEnd.PROCESSING_GROUP)
class SimulatedChargeEnd {

    static final String PROCESSING_GROUP = "simulated-provider";

    private final JdbcClient jdbc;

    SimulatedChargeEnd(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentFailed event) {
        jdbc.sql("DELETE FROM simulated_async_charge WHERE payment_id = ?")
                .param(event.paymentId().value())
                .update();
    }
}
