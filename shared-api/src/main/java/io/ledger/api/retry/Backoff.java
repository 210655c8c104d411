package io.ledger.api.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying again after the {@code attempt}-th try (1 is the first): either a list of fixed steps
 * whose last one repeats, or exponential growth up to a cap. Either can vary each delay at random by up to a whole
 * percentage either way (jitter), so that many waiters do not all come back at once. Delays are never negative.
 */
public sealed interface Backoff permits Backoff.Steps, Backoff.Exponential {

    /** The first delay after the first try, the second after the second, and so on; the last one repeats. */
    static Steps steps(List<Duration> delays) {
        return new Steps(delays, 0);
    }

    static Steps steps(Duration... delays) {
        return steps(List.of(delays));
    }

    /** {@code initial} after the first try, {@code multiplier} times longer after each further one, never over the cap. */
    static Exponential exponential(Duration initial, int multiplier, Duration cap) {
        return new Exponential(initial, multiplier, cap, 0);
    }

    /** The same backoff with each delay varied at random by up to {@code percent} (0 to 100) either way. */
    Backoff withJitter(int percent);

    /** The wait after the {@code attempt}-th try. */
    default Duration delay(int attempt) {
        return delay(attempt, ThreadLocalRandom.current());
    }

    /** The wait after the {@code attempt}-th try, the jitter drawn from {@code random}. */
    Duration delay(int attempt, RandomGenerator random);

    /** Fixed steps, Kill Bill style: nothing is ever given up on, the last step repeats. */
    record Steps(List<Duration> delays, int jitterPercent) implements Backoff {

        public Steps {
            if (delays == null || delays.isEmpty()) {
                throw new IllegalArgumentException("a backoff needs at least one step");
            }
            delays.forEach(Backoff::requireNotNegative);
            requireJitter(jitterPercent);
            delays = List.copyOf(delays);
        }

        @Override
        public Steps withJitter(int percent) {
            return new Steps(delays, percent);
        }

        @Override
        public Duration delay(int attempt, RandomGenerator random) {
            requireAttempt(attempt);
            return jittered(delays.get(Math.min(attempt, delays.size()) - 1), jitterPercent, random);
        }
    }

    /**
     * Grows {@code multiplier}-fold per try from {@code initial}; the jitter applies to the grown delay and the cap to the
     * result, so no delay is ever longer than the cap (as Resilience4j's exponential random backoff does it).
     */
    record Exponential(Duration initial, int multiplier, Duration cap, int jitterPercent) implements Backoff {

        public Exponential {
            requireNotNegative(initial);
            requireNotNegative(cap);
            if (multiplier < 1) {
                throw new IllegalArgumentException("a backoff's multiplier must be at least 1, not " + multiplier);
            }
            requireJitter(jitterPercent);
        }

        @Override
        public Exponential withJitter(int percent) {
            return new Exponential(initial, multiplier, cap, percent);
        }

        @Override
        public Duration delay(int attempt, RandomGenerator random) {
            requireAttempt(attempt);
            // Growth stops once no jittered delay can come out below the cap any more: the answer is the cap from then
            // on, and the arithmetic stays far from overflowing. (At 100% jitter that never happens; growth then stops
            // at a hundred caps, beyond which a shorter delay is rarer than one in two hundred.)
            Duration limit = cap.multipliedBy(100).dividedBy(Math.max(1, 100 - jitterPercent));
            Duration grown = initial;
            for (int i = 1; i < attempt && multiplier > 1 && !grown.isZero() && grown.compareTo(limit) < 0; i++) {
                grown = grown.multipliedBy(multiplier);
            }
            Duration delay = jittered(grown, jitterPercent, random);
            return delay.compareTo(cap) > 0 ? cap : delay;
        }
    }

    private static Duration jittered(Duration delay, int percent, RandomGenerator random) {
        if (percent == 0) {
            return delay;
        }
        // Whole numbers only: the spread is cut into ten thousand parts, and a random number of them, up to twice
        // as many, is added to the shortest delay the jitter allows.
        long parts = 10_000;
        Duration spread = delay.multipliedBy(percent).dividedBy(100);
        Duration shortest = delay.minus(spread);
        return shortest.plus(spread.multipliedBy(random.nextLong(2 * parts + 1)).dividedBy(parts));
    }

    private static void requireNotNegative(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("a backoff's delays must not be negative: " + delay);
        }
    }

    private static void requireJitter(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a backoff's jitter must be 0 to 100 percent, not " + percent);
        }
    }

    private static void requireAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
    }
}
