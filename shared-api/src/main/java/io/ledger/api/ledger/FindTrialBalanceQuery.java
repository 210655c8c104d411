package io.ledger.api.ledger;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Ask for the trial balance as it stood at {@code asOf} (lines posted at or before it), or now when null. Answered
 * with a {@link TrialBalanceView}.
 */
public record FindTrialBalanceQuery(@Nullable Instant asOf) {}
