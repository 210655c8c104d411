package io.ledger.command.simulation;

import io.ledger.api.id.PaymentId;
import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.metadata.Source;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.Provider;
import io.ledger.command.payment.PaymentResources;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Makes the simulated provider report an outcome for one of its payments: the report is sent as the provider's word
 * always is (a {@code Record...} command, a settlement, a dispute), its events marked {@code source=simulation} and
 * naming the caller as their actor, and answered with the payment as its events then tell it.
 *
 * <p>What the outcome may be is decided from the payment as read before the command is sent; the payment's own rules
 * are checked again when it handles the command, under its lock. A request that changes the payment in between (a
 * confirmation, say) can turn a refused outcome into a no-op, never into a move the payment does not allow.
 */
class Simulation {

    static final Map<String, String> METADATA = Map.of(EventMetadata.SOURCE, Source.SIMULATION.wire());

    private final PaymentResources resources;
    private final EventStore events;
    private final CommandGateway commands;
    private final Clock clock;

    Simulation(PaymentResources resources, EventStore events, CommandGateway commands, Clock clock) {
        this.resources = resources;
        this.events = events;
        this.commands = commands;
        this.clock = clock;
    }

    PaymentView simulate(String paymentId, Outcome outcome) {
        PaymentView payment = resources.payment(paymentId);
        if (payment.provider() != Provider.SIMULATED) {
            throw new NotASimulatedPayment(payment.id());
        }
        PaymentId id = PaymentId.of(payment.id());
        SimulatedDispute dispute = SimulatedDispute.of(id, payloads(id));
        PaymentCommand report = SimulatedReports.of(outcome, payment, dispute, clock.instant());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(report).andMetaData(METADATA));
        return resources.payment(id);
    }

    private List<Object> payloads(PaymentId id) {
        return events.readEvents(id.value(), 0)
                .asStream()
                .map(EventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }
}
