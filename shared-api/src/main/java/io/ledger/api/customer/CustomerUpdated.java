package io.ledger.api.customer;

import org.jspecify.annotations.Nullable;

/** The customer's details are now these (both fields, as they stand after the change). */
public record CustomerUpdated(
        String customerId, @Nullable String email, @Nullable String name) implements CustomerEvent {}
