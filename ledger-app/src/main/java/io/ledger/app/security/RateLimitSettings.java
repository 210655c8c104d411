package io.ledger.app.security;

import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.rate-limit.*} (env {@code LEDGER_RATE_LIMIT_...}), checked at start.
 *
 * @param perSecond API calls per second per caller; 0: no limit
 */
@ConfigurationProperties("ledger.rate-limit")
@Validated
record RateLimitSettings(@DefaultValue("0") @PositiveOrZero int perSecond) {}
