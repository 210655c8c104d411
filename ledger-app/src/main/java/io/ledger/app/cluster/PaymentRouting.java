package io.ledger.app.cluster;

import io.ledger.api.customer.CustomerCommand;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.provider.SyncStripeObjectCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.distributed.RoutingStrategy;

/**
 * Which node handles a command: the one the consistent hash gives the command's routing key. Every command for one
 * payment has the payment's id as its key, so one node (its owner, while the nodes agree) handles them all, serialized
 * by Axon's lock there, and never races another node's append. A webhook's sync is keyed by the Stripe object it
 * names (its event id when it names none): one object's events are synced on one node; the payment commands a sync
 * sends are routed by their own payment. A customer's commands are keyed by its stream's key, as a payment's by its id. shared-api's commands carry no Axon annotations, so the keys are named here.
 */
final class PaymentRouting implements RoutingStrategy {

    @Override
    public String getRoutingKey(CommandMessage<?> command) {
        Object payload = command.getPayload();
        if (payload instanceof PaymentCommand payment) {
            return payment.paymentId().value();
        }
        if (payload instanceof CustomerCommand customer) {
            return customer.key().value();
        }
        if (payload instanceof SyncStripeObjectCommand sync) {
            return sync.objectId() != null ? sync.objectId() : sync.eventId();
        }
        // No other command exists; one that is added without a key here still goes somewhere, as Axon's random key.
        return command.getIdentifier();
    }
}
