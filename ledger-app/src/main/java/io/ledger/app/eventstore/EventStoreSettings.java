package io.ledger.app.eventstore;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.event-store.*} (env {@code LEDGER_EVENT_STORE_...}): Axon's gap tracking for the global index (every
 * rolled-back append leaves a gap), which Axon offers no Spring properties for; checked at start.
 *
 * @param gapTimeoutMs how long a gap is waited for before it is taken as lost, in milliseconds
 * @param maxGapOffset how far behind the newest index gaps are tracked
 * @param gapCleaningThreshold how many gaps are tracked before the lost ones are cleaned up
 */
@ConfigurationProperties("ledger.event-store")
@Validated
record EventStoreSettings(
        @DefaultValue("60000") @PositiveOrZero int gapTimeoutMs,
        @DefaultValue("10000") @Positive int maxGapOffset,
        @DefaultValue("250") @Positive int gapCleaningThreshold) {}
