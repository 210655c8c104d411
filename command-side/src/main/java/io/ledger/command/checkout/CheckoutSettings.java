package io.ledger.command.checkout;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ledger.checkout.*} (env {@code LEDGER_CHECKOUT_...}): hosted checkout's settings, bound and checked at start.
 * {@link CheckoutExpiryJob}'s schedule reads the poll interval's property itself, with the same default.
 *
 * @param expiresAfter how long after its payment was created a session can be paid (Stripe's default and longest: 24
 *     hours; Stripe takes 30 minutes at the least)
 * @param pollInterval how often sessions whose time is up are expired
 * @param lease how long sessions claimed for expiry are this instance's before another instance may take them (an
 *     expiry that failed is tried again after it)
 */
@ConfigurationProperties("ledger.checkout")
@Validated
record CheckoutSettings(
        @DefaultValue("PT24H") @DurationMin(seconds = 1) @DurationMax(hours = 24)
        Duration expiresAfter,

        @DefaultValue("PT10S") @DurationMin(millis = 1) Duration pollInterval,
        @DefaultValue("PT1M") @DurationMin(millis = 1) Duration lease) {}
