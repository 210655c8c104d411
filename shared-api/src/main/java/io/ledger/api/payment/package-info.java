/**
 * Payments' commands, events, queries and views. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.payment;

import org.jspecify.annotations.NullMarked;
