package io.ledger.app.logging;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.log.*} (env {@code LEDGER_LOG_...}), checked at start. The format takes effect before this record is
 * bound ({@link LogFormatEnvironmentPostProcessor}); binding it is what refuses a value that is neither format.
 *
 * @param format how the console's lines are written: {@code text} (Spring Boot's pattern) or {@code json} (one Elastic
 *     Common Schema object per line)
 */
@ConfigurationProperties("ledger.log")
@Validated
record LogSettings(@DefaultValue("text") @NotNull Format format) {

    enum Format {
        TEXT,
        JSON
    }
}
