package io.ledger.command.provider;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.simulated.*} (env {@code LEDGER_SIMULATED_...}): the simulated provider's settings, bound and checked
 * when it runs (no Stripe key). {@link SimulatedAsyncChargeJob}'s schedule reads the poll interval's property itself,
 * with the same default (a schedule takes no bound value): a bad value is caught here first.
 *
 * @param processingDelay how long after it started a pm_card_processing charge succeeds
 * @param pollInterval how often due simulated charges are completed
 * @param lease how long charges claimed for completion are this instance's before another instance may take them (a
 *     completion that failed is tried again after it)
 */
@ConfigurationProperties("ledger.simulated")
@Validated
record SimulatedSettings(
        @DefaultValue("PT3S") @DurationMin(nanos = 0) Duration processingDelay,
        @DefaultValue("PT0.5S") @DurationMin(millis = 1) Duration pollInterval,
        @DefaultValue("PT30S") @DurationMin(millis = 1) Duration lease) {}
