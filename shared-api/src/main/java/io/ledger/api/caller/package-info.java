/**
 * Who calls the ledger and what they may do: the contract's scopes and the caller a command or query is made for.
 * Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.caller;

import org.jspecify.annotations.NullMarked;
