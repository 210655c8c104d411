package io.ledger.command.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * When the janitor looks at something awaited again, Kill Bill style: the first delay after the wait begins, then the
 * next one after each look that found nothing new; the last delay repeats, so nothing is ever given up on.
 */
record Backoff(List<Duration> delays) {

    Backoff {
        if (delays == null || delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("ledger.janitor.backoff needs at least one positive delay");
        }
        delays = List.copyOf(delays);
    }

    /** When to look after {@code checks} looks found nothing new (0: the wait just began). */
    Instant next(Instant now, int checks) {
        return now.plus(delays.get(Math.min(checks, delays.size() - 1)));
    }
}
