package io.ledger.command.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final Backoff backoff =
            new Backoff(List.of(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1)));

    @Test
    void theFirstLookComesAfterTheFirstDelayThenEachLaterOneAfterTheNext() {
        assertThat(backoff.next(NOW, 0)).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(backoff.next(NOW, 1)).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(backoff.next(NOW, 2)).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void theLastDelayRepeatsSoNothingIsGivenUp() {
        assertThat(backoff.next(NOW, 3)).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(backoff.next(NOW, 40)).isEqualTo(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void anEmptyOrNonPositiveScheduleIsRefused() {
        assertThatThrownBy(() -> new Backoff(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }
}
