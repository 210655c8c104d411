package io.ledger.command.customer;

import io.ledger.api.customer.Card;
import io.ledger.api.customer.CustomerRegistered;
import io.ledger.api.customer.CustomerUpdated;
import io.ledger.api.customer.CustomerView;
import io.ledger.api.customer.DefaultPaymentMethodSet;
import io.ledger.api.customer.PaymentMethodAttached;
import io.ledger.api.customer.PaymentMethodDetached;
import io.ledger.api.customer.PaymentMethodView;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * A customer and its payment methods as a pure fold of the customer's events, in stream order. A method's
 * {@code expired} is decided when read: a card is good through the last day of its expiry month (UTC).
 */
final class CustomerFold {

    private CustomerRegistered registered;
    private String email;
    private String name;
    private String defaultMethod;
    private Instant createdAt;
    private Instant updatedAt;
    /** Every method ever saved, by id, in the order saved; the detached ones stay known. */
    private final Map<String, Method> methods = new LinkedHashMap<>();

    private record Method(PaymentMethodAttached attached, Instant createdAt, boolean detached) {}

    private CustomerFold() {}

    /** The customer its events describe; empty when there are none. */
    static Optional<CustomerFold> of(List<? extends DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        CustomerFold fold = new CustomerFold();
        events.forEach(event -> fold.add(event.getPayload(), event.getTimestamp()));
        return Optional.of(fold);
    }

    private void add(Object event, Instant at) {
        if (event instanceof CustomerRegistered first) {
            registered = first;
            email = first.email();
            name = first.name();
            createdAt = at;
        } else if (event instanceof CustomerUpdated updated) {
            email = updated.email();
            name = updated.name();
        } else if (event instanceof PaymentMethodAttached attached) {
            methods.put(attached.paymentMethodId(), new Method(attached, at, false));
        } else if (event instanceof DefaultPaymentMethodSet set) {
            defaultMethod = set.paymentMethodId();
        } else if (event instanceof PaymentMethodDetached gone) {
            Method method = methods.get(gone.paymentMethodId());
            if (method != null) {
                methods.put(gone.paymentMethodId(), new Method(method.attached(), method.createdAt(), true));
            }
            if (gone.paymentMethodId().equals(defaultMethod)) {
                defaultMethod = null;
            }
        }
        updatedAt = at;
    }

    CustomerView view() {
        return new CustomerView(
                registered.customerId(),
                email,
                name,
                defaultMethod,
                registered.providerCustomerId(),
                createdAt,
                updatedAt);
    }

    String providerCustomerId() {
        return registered.providerCustomerId();
    }

    Optional<String> defaultMethod() {
        return Optional.ofNullable(defaultMethod);
    }

    /** The saved methods: the default first, then the newest first. */
    List<PaymentMethodView> saved(YearMonth now) {
        List<Method> saved = new ArrayList<>(
                methods.values().stream().filter(method -> !method.detached()).toList());
        Collections.reverse(saved);
        return saved.stream()
                .sorted(Comparator.comparing(
                        (Method method) -> !method.attached().paymentMethodId().equals(defaultMethod)))
                .map(method -> view(method, now))
                .toList();
    }

    /** A method saved for the customer at some time, detached or not. */
    Optional<PaymentMethodView> method(String paymentMethodId, YearMonth now) {
        return Optional.ofNullable(methods.get(paymentMethodId)).map(method -> view(method, now));
    }

    private PaymentMethodView view(Method method, YearMonth now) {
        PaymentMethodAttached attached = method.attached();
        Card card = attached.card();
        boolean isDefault = !method.detached() && attached.paymentMethodId().equals(defaultMethod);
        boolean expired = YearMonth.of(card.expYear(), card.expMonth()).isBefore(now);
        return new PaymentMethodView(
                attached.paymentMethodId(), attached.type(), card, isDefault, expired, method.createdAt());
    }
}
