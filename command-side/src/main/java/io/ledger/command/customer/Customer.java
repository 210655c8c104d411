package io.ledger.command.customer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledger.api.customer.CustomerKey;
import io.ledger.api.customer.CustomerRegistered;
import io.ledger.api.customer.CustomerUpdated;
import io.ledger.api.customer.DefaultPaymentMethodSet;
import io.ledger.api.customer.PaymentMethodAttached;
import io.ledger.api.customer.PaymentMethodDetached;
import io.ledger.api.customer.SaveCustomerCommand;
import io.ledger.command.provider.CustomerProvider.CustomerDetails;
import io.ledger.command.provider.CustomerProvider.MethodCall;
import io.ledger.command.provider.SavedPaymentMethod;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's decisions: its details, the payment methods saved for it and which is the default. Moves that need the
 * provider are split in two, as the payment's are: a {@code prepare...} method decides whether the move happens (and
 * hands out the provider call, keyed by the stream's {@link #version}), {@link CustomerCommandHandler} calls the
 * provider, and a {@code record...} method applies the outcome. Repeated facts (the same details, a method saved or
 * detached already) record nothing. The resources clients see are folded from the events ({@link CustomerResources}).
 */
@Aggregate(commandTargetResolver = "paymentCommandTargetResolver")
class Customer {

    @AggregateIdentifier
    CustomerKey key;

    String customerId;
    String email;
    String name;
    String providerCustomerId;
    /** The saved methods' ids, and the ones detached since. */
    Set<String> attached = new HashSet<>();

    Set<String> detached = new HashSet<>();
    String defaultMethod;
    /** How many events the stream holds: the provider's idempotency keys of later calls are told apart by it. */
    long version;

    protected Customer() {
        // for Axon
    }

    Customer(CustomerRegistered registered) {
        apply(registered);
    }

    // --- details --------------------------------------------------------------------------------------------------

    /** The details the provider is to be given, or empty when the customer has them already. */
    Optional<CustomerDetails> prepareUpdate(SaveCustomerCommand command) {
        if (Objects.equals(email, command.email()) && Objects.equals(name, command.name())) {
            return Optional.empty();
        }
        return Optional.of(new CustomerDetails(key, customerId, command.email(), command.name()));
    }

    void recordUpdate(CustomerDetails details) {
        apply(new CustomerUpdated(customerId, details.email(), details.name()));
    }

    // --- payment methods ------------------------------------------------------------------------------------------

    /** The provider call that attaches the method the client named. */
    MethodCall prepareAttach(String paymentMethod) {
        return new MethodCall(key, providerCustomerId, paymentMethod, version);
    }

    /**
     * Records the method the provider saved (once: a method saved already records nothing) and answers the call that
     * makes it the default, when it is to become the default and is not yet: asked to ({@code true}), or not asked
     * either way ({@code null}) while the customer has no default.
     */
    Optional<MethodCall> recordAttach(SavedPaymentMethod saved, String requested, Boolean makeDefault) {
        if (!attached.contains(saved.id())) {
            apply(new PaymentMethodAttached(customerId, saved.id(), requested, saved.type(), saved.card()));
        }
        boolean becomesDefault = makeDefault == null ? defaultMethod == null : makeDefault;
        if (becomesDefault && !saved.id().equals(defaultMethod)) {
            return Optional.of(new MethodCall(key, providerCustomerId, saved.id(), version));
        }
        return Optional.empty();
    }

    void recordDefault(MethodCall call) {
        apply(new DefaultPaymentMethodSet(customerId, call.paymentMethod()));
    }

    /**
     * The provider call that detaches a saved method, or empty when it was detached already; a method never saved for
     * this customer is not found.
     */
    Optional<MethodCall> prepareDetach(String paymentMethodId) {
        if (attached.contains(paymentMethodId)) {
            return Optional.of(new MethodCall(key, providerCustomerId, paymentMethodId, version));
        }
        if (detached.contains(paymentMethodId)) {
            return Optional.empty();
        }
        throw new PaymentMethodNotFound(paymentMethodId);
    }

    void recordDetach(MethodCall call) {
        apply(new PaymentMethodDetached(customerId, call.paymentMethod()));
    }

    // --- state ----------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        key = CustomerKey.of(event.customerId());
        customerId = event.customerId();
        email = event.email();
        name = event.name();
        providerCustomerId = event.providerCustomerId();
        version++;
    }

    @EventSourcingHandler
    void on(CustomerUpdated event) {
        email = event.email();
        name = event.name();
        version++;
    }

    @EventSourcingHandler
    void on(PaymentMethodAttached event) {
        attached.add(event.paymentMethodId());
        detached.remove(event.paymentMethodId());
        version++;
    }

    @EventSourcingHandler
    void on(DefaultPaymentMethodSet event) {
        defaultMethod = event.paymentMethodId();
        version++;
    }

    @EventSourcingHandler
    void on(PaymentMethodDetached event) {
        attached.remove(event.paymentMethodId());
        detached.add(event.paymentMethodId());
        if (event.paymentMethodId().equals(defaultMethod)) {
            defaultMethod = null;
        }
        version++;
    }
}
