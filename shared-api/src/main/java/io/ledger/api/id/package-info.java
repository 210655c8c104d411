/**
 * The typed ids of payments and refunds. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.id;

import org.jspecify.annotations.NullMarked;
