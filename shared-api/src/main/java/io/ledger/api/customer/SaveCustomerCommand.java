package io.ledger.api.customer;

import org.jspecify.annotations.Nullable;

/**
 * Make the customer at first use, or give it these details: the record's whole state, as a {@code PUT} states it (a
 * null field is cleared). Details equal to those it has change nothing.
 */
public record SaveCustomerCommand(
        String customerId, @Nullable String email, @Nullable String name) implements CustomerCommand {}
