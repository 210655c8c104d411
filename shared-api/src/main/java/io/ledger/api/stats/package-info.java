/**
 * Queries and views of payment figures. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.stats;

import org.jspecify.annotations.NullMarked;
