package io.ledger.query.receipt;

import java.util.Optional;

/**
 * Where a customer's email and name are found, for the receipt and the emails about a customer's payments. The query
 * side answers none by itself ({@link #NONE}): a bean of this type, once customers are kept, answers them, and only a
 * customer with an email is written to.
 */
public interface CustomerContacts {

    /** Nobody has an email: receipts name the customer by id, and no email is sent. */
    CustomerContacts NONE = customerId -> Optional.empty();

    /** The customer's details, empty when the customer is unknown. */
    Optional<Contact> find(String customerId);

    /**
     * What the ledger knows of how to reach a customer.
     *
     * @param email null when the customer gave none
     * @param name null when the customer gave none
     */
    record Contact(String email, String name) {}
}
