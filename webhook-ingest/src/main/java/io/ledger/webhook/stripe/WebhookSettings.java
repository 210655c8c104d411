package io.ledger.webhook.stripe;

import io.ledger.api.retry.Backoff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.webhook.*} (env {@code LEDGER_WEBHOOK_...}): how webhooks are received and how the inbox is worked,
 * checked at start. The signing secrets are {@link WebhookSecrets}. {@link InboxWorker}'s schedule reads the poll
 * interval's property itself, with the same default (a schedule takes no bound value): a bad value is caught here
 * first. {@code @Positive} on a size is {@link PositiveDataSize}.
 *
 * @param maxBodySize the largest webhook body taken
 * @param tolerance how old a signature may be (whole seconds, as stripe-java checks it)
 * @param futureTolerance how far a signature's timestamp may lie ahead of our clock
 * @param worker the inbox worker
 * @param pollInterval how often the inbox worker looks for due events
 * @param batchSize events the inbox worker claims per look
 * @param maxAttempts attempts before an event is parked as a dead letter
 * @param initialBackoff the wait after an event's first failed attempt; it doubles after each further one
 * @param maxBackoff the longest wait between an event's attempts
 * @param lease how long the events an inbox worker claimed are its own before another instance may take them (a whole
 *     batch's syncs, each with its Stripe reads and retries, must fit)
 */
@ConfigurationProperties("ledger.webhook")
@Validated
record WebhookSettings(
        @DefaultValue("512KB") @Positive DataSize maxBodySize,
        @DefaultValue("PT5M") @DurationMin(seconds = 1) Duration tolerance,
        @DefaultValue("PT1M") @DurationMin(nanos = 0) Duration futureTolerance,
        @DefaultValue @Valid Worker worker,
        @DefaultValue("PT1S") @DurationMin(millis = 1) Duration pollInterval,
        @DefaultValue("20") @Positive int batchSize,
        @DefaultValue("8") @Positive int maxAttempts,
        @DefaultValue("PT10S") @DurationMin(nanos = 0) Duration initialBackoff,
        @DefaultValue("PT1H") @DurationMin(nanos = 0) Duration maxBackoff,
        @DefaultValue("PT5M") @DurationMin(seconds = 1) Duration lease) {

    /** @param enabled whether the inbox worker runs (tests turn it off and run it themselves) */
    record Worker(@DefaultValue("true") boolean enabled) {}

    /** The wait after the n-th failed attempt: {@code initialBackoff} x 2^(n-1), capped at {@code maxBackoff}. */
    Backoff backoff() {
        return Backoff.exponential(initialBackoff, 2, maxBackoff);
    }
}
