package io.ledger.app.eventstore;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.event-store.*} (env {@code LEDGER_EVENT_STORE_...}): how often the store is read for new events when
 * none came, and Axon's gap tracking for the global index (every rolled-back append leaves a gap), which Axon offers no
 * Spring properties for; checked at start.
 *
 * @param fetchDelayMs how long the event store's reader waits before reading again when it found no new events, in
 *     milliseconds: a command's events committed by the request's own transaction (with an Idempotency-Key), or by
 *     another node, are seen by the projections only when it reads again
 * @param gapTimeoutMs how long a gap is waited for before it is taken as lost, in milliseconds
 * @param maxGapOffset how far behind the newest index gaps are tracked
 * @param gapCleaningThreshold how many gaps are tracked before the lost ones are cleaned up
 */
@ConfigurationProperties("ledger.event-store")
@Validated
record EventStoreSettings(
        @DefaultValue("20") @Positive int fetchDelayMs,
        @DefaultValue("60000") @PositiveOrZero int gapTimeoutMs,
        @DefaultValue("10000") @Positive int maxGapOffset,
        @DefaultValue("250") @Positive int gapCleaningThreshold) {}
