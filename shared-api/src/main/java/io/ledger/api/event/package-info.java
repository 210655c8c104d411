/**
 * How events name their stored shape. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.event;

import org.jspecify.annotations.NullMarked;
