package io.ledger.app.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.jwt.*} and {@code ledger.rate-limit.*} (env {@code LEDGER_JWT_...}, {@code LEDGER_RATE_LIMIT_...}): who
 * may call and how often, checked at start.
 */
@ConfigurationProperties("ledger")
@Validated
record SecuritySettings(
        @DefaultValue @Valid Jwt jwt, @DefaultValue @Valid RateLimit rateLimit) {

    /**
     * @param secret the HS256 secret callers' bearer tokens are signed with; blank: no token needed. Never printed, not
     *     even by {@link #toString()}.
     */
    record Jwt(@DefaultValue("") String secret) {

        /** Whether calls need a token. */
        boolean required() {
            return !secret.isBlank();
        }

        /**
         * Checked instead of the secret itself, so that the report of a refused start names the setting but never
         * prints the secret.
         */
        @AssertTrue(
                message = "ledger.jwt.secret (LEDGER_JWT_SECRET) must be at least " + BearerTokens.MINIMUM_KEY_BYTES
                        + " bytes long for HS256, or unset")
        public boolean isLongEnoughForHs256() {
            return !required() || secret.getBytes(StandardCharsets.UTF_8).length >= BearerTokens.MINIMUM_KEY_BYTES;
        }

        @Override
        public String toString() {
            return "Jwt[secret=" + (required() ? "(hidden)" : "(none)") + "]";
        }
    }

    /** @param perSecond API calls per second per caller; 0: no limit */
    record RateLimit(@DefaultValue("0") @PositiveOrZero int perSecond) {}
}
