/**
 * How long to wait before trying again. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.retry;

import org.jspecify.annotations.NullMarked;
