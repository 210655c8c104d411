package io.ledger.command.customer;

import io.ledger.api.customer.AttachPaymentMethodCommand;
import io.ledger.api.customer.CustomerCommand;
import io.ledger.api.customer.CustomerRegistered;
import io.ledger.api.customer.DetachPaymentMethodCommand;
import io.ledger.api.customer.SaveCustomerCommand;
import io.ledger.command.provider.CustomerProvider;
import io.ledger.command.provider.CustomerProvider.CustomerDetails;
import io.ledger.command.provider.CustomerProvider.MethodCall;
import io.ledger.command.provider.SavedPaymentMethod;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Handles the customer commands, each in one unit of work holding the customer's lock: the aggregate decides, the
 * provider is called outside it, and the aggregate records the outcome. A customer is made at its first save (with the
 * provider's customer); the other commands need it to exist. Answers are folded from the events
 * ({@link CustomerResources}).
 */
@Component
class CustomerCommandHandler {

    private final Repository<Customer> customers;
    private final EventStore events;
    private final CustomerProvider provider;

    CustomerCommandHandler(Repository<Customer> customers, EventStore events, CustomerProvider provider) {
        this.customers = customers;
        this.events = events;
        this.provider = provider;
    }

    @CommandHandler
    void handle(SaveCustomerCommand command) throws Exception {
        Optional<Aggregate<Customer>> stored = stored(command);
        if (stored.isEmpty()) {
            String providerCustomerId = provider.createCustomer(
                    new CustomerDetails(command.key(), command.customerId(), command.email(), command.name()));
            CustomerRegistered registered = new CustomerRegistered(
                    command.customerId(), command.email(), command.name(), provider.kind(), providerCustomerId);
            customers.newInstance(() -> new Customer(registered));
            return;
        }
        Aggregate<Customer> customer = stored.get();
        Optional<CustomerDetails> update = customer.invoke(c -> c.prepareUpdate(command));
        if (update.isPresent()) {
            String providerCustomerId = customer.invoke(c -> c.providerCustomerId);
            long version = customer.invoke(c -> c.version);
            provider.updateCustomer(update.get(), providerCustomerId, version);
            customer.execute(c -> c.recordUpdate(update.get()));
        }
    }

    /** Answers the saved method's id (the provider's, which may differ from the one the client named). */
    @CommandHandler
    String handle(AttachPaymentMethodCommand command) {
        Aggregate<Customer> customer = existing(command);
        MethodCall attach = customer.invoke(c -> c.prepareAttach(command.paymentMethod()));
        SavedPaymentMethod saved = provider.attach(attach);
        Optional<MethodCall> makeDefault =
                customer.invoke(c -> c.recordAttach(saved, command.paymentMethod(), command.makeDefault()));
        if (makeDefault.isPresent()) {
            provider.setDefault(makeDefault.get());
            customer.execute(c -> c.recordDefault(makeDefault.get()));
        }
        return saved.id();
    }

    @CommandHandler
    void handle(DetachPaymentMethodCommand command) {
        Aggregate<Customer> customer = existing(command);
        Optional<MethodCall> detach = customer.invoke(c -> c.prepareDetach(command.paymentMethodId()));
        if (detach.isPresent()) {
            provider.detach(detach.get());
            customer.execute(c -> c.recordDetach(detach.get()));
        }
    }

    private Aggregate<Customer> existing(CustomerCommand command) {
        return stored(command).orElseThrow(() -> new CustomerNotFound(command.customerId()));
    }

    /** The customer, when its stream exists: asked of the store first, so a new one is never a failed load. */
    private Optional<Aggregate<Customer>> stored(CustomerCommand command) {
        String key = command.key().value();
        boolean exists;
        try {
            exists = events.lastSequenceNumberFor(key).isPresent();
        } catch (AggregateNotFoundException none) {
            exists = false; // how a store that answers by reading the events says it has none (Axon's test fixture)
        }
        return exists ? Optional.of(customers.load(key)) : Optional.empty();
    }
}
