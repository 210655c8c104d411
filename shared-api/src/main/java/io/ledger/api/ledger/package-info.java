/**
 * Queries and views of the double-entry journal. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.ledger;

import org.jspecify.annotations.NullMarked;
