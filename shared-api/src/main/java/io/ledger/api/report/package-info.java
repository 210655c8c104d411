/**
 * The payment report: a statement per currency for a period, made of the stats, the payment history and the journal.
 * Null-marked: nothing here is null unless it is marked {@code @Nullable}.
 */
@NullMarked
package io.ledger.api.report;

import org.jspecify.annotations.NullMarked;
