package io.ledger.query.receipt;

import io.ledger.api.retry.Backoff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.mail.*} (env {@code LEDGER_MAIL_...}): the emails about payments and how their outbox is worked,
 * checked at start. The SMTP server itself is Spring Boot's {@code spring.mail.*} ({@code SPRING_MAIL_HOST}, ...):
 * without a host nothing is sent. {@link MailWorker}'s schedule reads the poll interval's property itself, with the
 * same default.
 *
 * @param from the sender of every email ({@code LEDGER_MAIL_FROM}); required once an SMTP host is set
 * @param worker the mail worker
 * @param pollInterval how often the mail worker looks for due emails
 * @param batchSize emails the worker claims per look
 * @param maxAttempts attempts (SMTP errors that sent nothing) before an email is given up as failed
 * @param initialBackoff the wait after an email's first failed attempt; it doubles after each further one
 * @param maxBackoff the longest wait between an email's attempts
 * @param lease how long an email being sent is its worker's; one still being sent after it was perhaps sent and is
 *     left for an operator (unconfirmed), never sent again by itself. Longer than the SMTP time-outs.
 * @param maxAge an email whose fact is older than this when its turn comes is not sent any more (expired): after a
 *     long SMTP outage, or when SMTP is configured on a ledger that has long taken payments
 */
@ConfigurationProperties("ledger.mail")
@Validated
record MailSettings(
        @Email String from,
        @DefaultValue @Valid Worker worker,
        @DefaultValue("PT1S") @DurationMin(millis = 1) Duration pollInterval,
        @DefaultValue("20") @Positive int batchSize,
        @DefaultValue("10") @Positive int maxAttempts,
        @DefaultValue("PT10S") @DurationMin(nanos = 0) Duration initialBackoff,
        @DefaultValue("PT30M") @DurationMin(nanos = 0) Duration maxBackoff,
        @DefaultValue("PT5M") @DurationMin(seconds = 1) Duration lease,
        @DefaultValue("P1D") @DurationMin(minutes = 1) Duration maxAge) {

    /** @param enabled whether the mail worker runs on its schedule (tests turn it off and run it themselves) */
    record Worker(@DefaultValue("true") boolean enabled) {}

    /** The wait after the n-th failed attempt: {@code initialBackoff} x 2^(n-1), capped at {@code maxBackoff}. */
    Backoff backoff() {
        return Backoff.exponential(initialBackoff, 2, maxBackoff).withJitter(10);
    }
}
