package io.ledger.app.eventstore;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.token-store.*} (env {@code LEDGER_TOKEN_STORE_...}), checked at start.
 *
 * @param claimTimeout how long a processor's claim on a segment holds without being renewed before another node may
 *     take it
 */
@ConfigurationProperties("ledger.token-store")
@Validated
record TokenStoreSettings(
        @DefaultValue("PT10S") @DurationMin(millis = 1) Duration claimTimeout) {}
