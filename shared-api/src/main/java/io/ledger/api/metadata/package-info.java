/**
 * The keys and values of every event's metadata: who and what caused it. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.metadata;

import org.jspecify.annotations.NullMarked;
