package io.ledger.api.customer;

/**
 * A fact about one customer. Events are stored forever under their class name: never rename or move one; change them
 * only by adding fields (or with a revision and an upcaster). The time of each fact is the event's timestamp.
 */
public sealed interface CustomerEvent
        permits CustomerRegistered,
                CustomerUpdated,
                PaymentMethodAttached,
                DefaultPaymentMethodSet,
                PaymentMethodDetached {

    String customerId();
}
