package io.ledger.command.customer;

import io.ledger.api.customer.CustomerKey;
import io.ledger.api.customer.CustomerView;
import io.ledger.api.customer.PaymentMethodPage;
import io.ledger.api.customer.PaymentMethodView;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Customers and their saved methods, folded from the customer's events ({@link CustomerFold}) whenever asked: the
 * answers of the customer calls, reads included, and what a payment needs of its customer (the default method, the
 * provider's customer). Read from the store: in the request's own transaction when it carries an Idempotency-Key,
 * else after the command committed. Public for the payments, which charge a customer's default method.
 */
@Component
public class CustomerResources {

    private final EventStore events;
    private final Clock clock;

    public CustomerResources(EventStore events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The payment method a payment of this customer confirmed without one is charged with, if it has one. */
    public Optional<String> defaultPaymentMethod(String customerId) {
        return fold(customerId).flatMap(CustomerFold::defaultMethod);
    }

    /** The provider's customer made for this customer, if it was registered. */
    public Optional<String> providerCustomerId(String customerId) {
        return fold(customerId).map(CustomerFold::providerCustomerId);
    }

    CustomerView customer(String customerId) {
        return existing(customerId).view();
    }

    PaymentMethodPage methods(String customerId) {
        return PaymentMethodPage.of(existing(customerId).saved(now()));
    }

    /** A method saved for the customer, detached since or not. */
    PaymentMethodView method(String customerId, String paymentMethodId) {
        return existing(customerId)
                .method(paymentMethodId, now())
                .orElseThrow(() -> new PaymentMethodNotFound(paymentMethodId));
    }

    private CustomerFold existing(String customerId) {
        return fold(customerId).orElseThrow(() -> new CustomerNotFound(customerId));
    }

    private Optional<CustomerFold> fold(String customerId) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(
                        CustomerKey.of(customerId).value(), 0)
                .asStream()
                .toList();
        return CustomerFold.of(stream);
    }

    private YearMonth now() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
}
