package io.ledger.app.security;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.rate-limit.*} (env {@code LEDGER_RATE_LIMIT_...}), checked at start.
 *
 * @param perSecond API calls per second per caller; 0: no limit. The default is Stripe's: 100 operations a second per
 *     account in live mode.
 */
@ConfigurationProperties("ledger.rate-limit")
@Validated
record RateLimitSettings(
        @DefaultValue("100") @PositiveOrZero int perSecond) {}
