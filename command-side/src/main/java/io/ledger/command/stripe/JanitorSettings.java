package io.ledger.command.stripe;

import io.ledger.api.retry.Backoff;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.janitor.*} (env {@code LEDGER_JANITOR_...}): the Stripe janitor's settings, bound and checked when the
 * Stripe provider starts. {@link StripeJanitor}'s schedule reads the poll interval's property itself, with the same
 * default (a schedule takes no bound value): a bad value is caught here first.
 *
 * @param pollInterval how often the janitor looks for due work (also its first delay after start)
 * @param backoff when it looks at something awaited: the first delay after a wait begins, then the next after each
 *     look that found nothing new; the last repeats (a comma list, 5m style allowed)
 * @param batchSize payments and refunds worked per run
 * @param lease how long a claimed row is this instance's to work before another instance may take it (one Stripe call
 *     with its retries and one command must fit)
 */
@ConfigurationProperties("ledger.janitor")
@Validated
record JanitorSettings(
        @DefaultValue("PT30S") @DurationMin(millis = 1) Duration pollInterval,
        @DefaultValue({"5m", "1h", "1d"}) @NotEmpty List<@DurationMin(millis = 1) Duration> backoff,
        @DefaultValue("100") @Positive int batchSize,
        @DefaultValue("PT5M") @DurationMin(seconds = 1) Duration lease) {

    /** When the janitor looks again: {@link #backoff()} as fixed steps. */
    Backoff schedule() {
        return Backoff.steps(backoff);
    }
}
