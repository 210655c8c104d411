/**
 * Commands about the payment provider's own objects. Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.provider;

import org.jspecify.annotations.NullMarked;
