package io.ledger.command.idempotency;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.idempotency.*} (env {@code LEDGER_IDEMPOTENCY_...}), checked at start. {@link IdempotencyPurgeJob}'s
 * schedule reads the purge interval's property itself, with the same default (a schedule takes no bound value): a bad
 * value is caught here first.
 *
 * @param retention how long idempotency keys and their answers are kept
 * @param purgeInterval how often expired keys are purged
 */
@ConfigurationProperties("ledger.idempotency")
@Validated
record IdempotencySettings(
        @DefaultValue("PT24H") @DurationMin(millis = 1) Duration retention,
        @DefaultValue("PT1H") @DurationMin(millis = 1) Duration purgeInterval) {}
