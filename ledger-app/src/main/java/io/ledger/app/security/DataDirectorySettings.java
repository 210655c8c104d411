package io.ledger.app.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ledger.data-dir} (env {@code LEDGER_DATA_DIR}): where the ledger keeps what it generates for itself, today
 * the JWT secret it uses when none is configured ({@link LocalSecret}).
 *
 * @param dataDir a directory, relative to the working directory unless absolute; created owner-only when missing
 */
@ConfigurationProperties("ledger")
record DataDirectorySettings(
        @DefaultValue(DataDirectorySettings.DEFAULT) Path dataDir) {

    /** The default, which {@code ./ledger} and {@code ./ledger-token} share: both run from the repository's root. */
    static final String DEFAULT = "data";

    /** The data directory {@code ./ledger-token} reads: {@code LEDGER_DATA_DIR}, else the default. */
    static Path fromEnvironment(java.util.Map<String, String> environment) {
        String configured = environment.get("LEDGER_DATA_DIR");
        return Path.of(configured == null || configured.isBlank() ? DEFAULT : configured);
    }
}
