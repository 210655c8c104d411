package io.ledger.query.audit;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.audit.chain-writer.*} (env {@code LEDGER_AUDIT_CHAIN_WRITER_...}), checked at start. {@link ChainWriter}'s
 * schedule reads the interval's property itself, with the same default (a schedule takes no bound value): a bad value
 * is caught here first. Whether the writer exists at all is its bean's condition.
 *
 * @param enabled whether this instance writes the hash chain
 * @param interval how often the hash chain's writer runs
 */
@ConfigurationProperties("ledger.audit.chain-writer")
@Validated
record ChainWriterSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("PT0.2S") @DurationMin(millis = 1) Duration interval) {}
