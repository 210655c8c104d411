package io.ledger.query.payment;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.query.*} (env {@code LEDGER_QUERY_...}), checked at start.
 *
 * @param readYourWritesWait how long a payment query with {@code minVersion} waits for the read model to catch up
 */
@ConfigurationProperties("ledger.query")
@Validated
record QuerySettings(
        @DefaultValue("PT2S") @DurationMin(nanos = 0) Duration readYourWritesWait) {}
