/**
 * Customers and their saved payment methods: commands, events and views. A customer is an event-sourced record of its
 * own, keyed by {@link io.ledger.api.customer.CustomerKey}. Null-marked: nothing here is null unless it is marked
 * {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.customer;

import org.jspecify.annotations.NullMarked;
