package io.ledger.api.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** Draws the shortest delay the jitter allows. */
    private static final RandomGenerator LOWEST = new Drawing(false);
    /** Draws the longest delay the jitter allows. */
    private static final RandomGenerator HIGHEST = new Drawing(true);

    @Test
    void stepsGoInOrderAndTheLastRepeats() {
        Backoff backoff = Backoff.steps(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1));

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofDays(1));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofDays(1));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void stepsNeedAtLeastOneDelayAndNoneNegative() {
        assertThatThrownBy(() -> Backoff.steps(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.steps(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exponentialDoublesFromTheInitialDelayUpToTheCap() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(10), 2, Duration.ofMinutes(5));

        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(backoff.delay(6)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCapBelowTheInitialDelayWins() {
        assertThat(Backoff.exponential(Duration.ofSeconds(10), 2, Duration.ofSeconds(3))
                        .delay(1))
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void noInitialDelayStaysNone() {
        Backoff backoff = Backoff.exponential(Duration.ZERO, 2, Duration.ofHours(1));

        assertThat(backoff.delay(1)).isZero();
        assertThat(backoff.delay(1_000)).isZero();
    }

    @Test
    void jitterVariesTheGrownDelayEitherWayAndTheCapStillHolds() {
        // The Stripe calls' defaults: 0.5 s doubling up to 8 s, 50% either way.
        Backoff backoff = Backoff.exponential(Duration.ofMillis(500), 2, Duration.ofSeconds(8))
                .withJitter(50);

        assertThat(backoff.delay(1, LOWEST)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(1, HIGHEST)).isEqualTo(Duration.ofMillis(750));
        assertThat(backoff.delay(4, LOWEST)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4, HIGHEST)).isEqualTo(Duration.ofSeconds(6));
        // 8 s grown, 4 s to 12 s jittered, capped at 8 s.
        assertThat(backoff.delay(5, LOWEST)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(5, HIGHEST)).isEqualTo(Duration.ofSeconds(8));
        // 16 s grown: even the shortest jittered delay is over the cap.
        assertThat(backoff.delay(6, LOWEST)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void jitteredDelaysSpreadOverTheWholeRange() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofMinutes(1))
                .withJitter(50);

        List<Duration> delays =
                IntStream.range(0, 1_000).mapToObj(i -> backoff.delay(1)).toList();

        assertThat(delays)
                .allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofMillis(500), Duration.ofMillis(1500)));
        assertThat(delays).anySatisfy(delay -> assertThat(delay).isLessThan(Duration.ofMillis(750)));
        assertThat(delays).anySatisfy(delay -> assertThat(delay).isGreaterThan(Duration.ofMillis(1250)));
    }

    @Test
    void jitterAppliesToStepsToo() {
        Backoff backoff = Backoff.steps(Duration.ofSeconds(10)).withJitter(10);

        assertThat(backoff.delay(3, LOWEST)).isEqualTo(Duration.ofSeconds(9));
        assertThat(backoff.delay(3, HIGHEST)).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void fullJitterNeverOverflowsNorPassesTheCap() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), 10, Duration.ofDays(365))
                .withJitter(100);

        assertThat(backoff.delay(Integer.MAX_VALUE, LOWEST)).isZero();
        assertThat(backoff.delay(Integer.MAX_VALUE, HIGHEST)).isEqualTo(Duration.ofDays(365));
    }

    @Test
    void jitterIsWholePercentFromZeroToAHundred() {
        Backoff backoff = Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(8));

        assertThatThrownBy(() -> backoff.withJitter(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.withJitter(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> Backoff.steps(Duration.ofSeconds(1)).delay(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(8))
                        .delay(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMultiplierBelowOneOrANegativeDelayIsRefused() {
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0, Duration.ofSeconds(8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(-1), 2, Duration.ofSeconds(8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(-8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Always draws the lowest or the highest number below the bound. */
    private record Drawing(boolean highest) implements RandomGenerator {

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("draws only below a bound");
        }

        @Override
        public long nextLong(long bound) {
            return highest ? bound - 1 : 0;
        }
    }
}
