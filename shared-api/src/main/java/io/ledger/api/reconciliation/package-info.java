/**
 * Queries and views of payments against the providers' settlements. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.reconciliation;

import org.jspecify.annotations.NullMarked;
