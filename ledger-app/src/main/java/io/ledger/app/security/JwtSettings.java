package io.ledger.app.security;

import jakarta.validation.constraints.AssertTrue;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.jwt.*} (env {@code LEDGER_JWT_...}): who may call, checked at start. The secret is never printed, not
 * even by {@link #toString()}.
 *
 * @param secret the HS256 secret callers' bearer tokens are signed with (at least 32 bytes); blank: the
 *     one generated in the data directory ({@link LocalSecret})
 */
@ConfigurationProperties("ledger.jwt")
@Validated
record JwtSettings(@DefaultValue("") String secret) {

    /** Whether a secret is configured. */
    boolean required() {
        return !secret.isBlank();
    }

    /**
     * Checked instead of the secret itself, so that the report of a refused start names the setting but never prints
     * the secret.
     */
    @AssertTrue(
            message = "ledger.jwt.secret (LEDGER_JWT_SECRET) must be at least " + BearerTokens.MINIMUM_KEY_BYTES
                    + " bytes long for HS256, or unset")
    public boolean isLongEnoughForHs256() {
        return !required() || secret.getBytes(StandardCharsets.UTF_8).length >= BearerTokens.MINIMUM_KEY_BYTES;
    }

    @Override
    public String toString() {
        return "JwtSettings[secret=" + (required() ? "(hidden)" : "(none)") + "]";
    }
}
