package io.ledger.command.dispatch;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.command-retry.*} (env {@code LEDGER_COMMAND_RETRY_...}): how the command gateway retries a command that
 * lost a race for its payment or whose node went away ({@link CommandRetries}), checked at start.
 *
 * @param maxRetries retries after the first attempt; 0: none
 * @param initialBackoff the wait before the first retry; each further one waits twice as long (with 50% jitter)
 * @param maxBackoff the longest wait between two attempts
 */
@ConfigurationProperties("ledger.command-retry")
@Validated
public record CommandRetrySettings(
        @DefaultValue("5") @PositiveOrZero @Max(20) int maxRetries,
        @DefaultValue("PT0.05S") @DurationMin(millis = 1) Duration initialBackoff,
        @DefaultValue("PT1S") @DurationMin(millis = 1) Duration maxBackoff) {

    @AssertTrue(
            message = "ledger.command-retry.max-backoff must not be shorter than ledger.command-retry.initial-backoff")
    public boolean isMaxBackoffAtLeastTheInitial() {
        return initialBackoff == null || maxBackoff == null || maxBackoff.compareTo(initialBackoff) >= 0;
    }
}
