package io.ledger.app.eventstore;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.event-store.*} and {@code ledger.token-store.*} (env {@code LEDGER_EVENT_STORE_...},
 * {@code LEDGER_TOKEN_STORE_...}): what Axon offers no Spring properties for, checked at start.
 */
@ConfigurationProperties("ledger")
@Validated
record StoreSettings(
        @DefaultValue @Valid EventStore eventStore,
        @DefaultValue @Valid TokenStore tokenStore) {

    /**
     * Axon's gap tracking for the global index (every rolled-back append leaves a gap).
     *
     * @param gapTimeoutMs how long a gap is waited for before it is taken as lost, in milliseconds
     * @param maxGapOffset how far behind the newest index gaps are tracked
     * @param gapCleaningThreshold how many gaps are tracked before the lost ones are cleaned up
     */
    record EventStore(
            @DefaultValue("60000") @PositiveOrZero int gapTimeoutMs,
            @DefaultValue("10000") @Positive int maxGapOffset,
            @DefaultValue("250") @Positive int gapCleaningThreshold) {}

    /**
     * @param claimTimeout how long a processor's claim on a segment holds without being renewed before another node may
     *     take it
     */
    record TokenStore(
            @DefaultValue("PT10S") @DurationMin(millis = 1) Duration claimTimeout) {}
}
