package io.ledger.api.customer;

/** An intent addressed to one customer; the customer's key routes it. */
public sealed interface CustomerCommand
        permits SaveCustomerCommand, AttachPaymentMethodCommand, DetachPaymentMethodCommand {

    /** The client's id of the customer. */
    String customerId();

    /** The customer's stream. */
    default CustomerKey key() {
        return CustomerKey.of(customerId());
    }
}
