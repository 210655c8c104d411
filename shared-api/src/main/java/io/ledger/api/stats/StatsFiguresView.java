package io.ledger.api.stats;

import org.jspecify.annotations.Nullable;

/**
 * Payment figures of one currency over some days. {@code count} payments were created; {@code succeeded} captured
 * money and {@code failed} attempts were declined; {@code canceled} payments were canceled. {@code successRate} is
 * succeeded / (succeeded + failed) as a decimal string with four places ({@code "0.9500"}), null without attempts.
 * Volumes are minor units: {@code grossVolume} captured, {@code refundedVolume} paid back by succeeded refunds,
 * {@code feeVolume} the providers' settlement fees, {@code netVolume} = gross - refunded - fees.
 */
public record StatsFiguresView(
        long count,
        long succeeded,
        long failed,
        long canceled,
        @Nullable String successRate,
        long grossVolume,
        long refundedVolume,
        long feeVolume,
        long netVolume) {}
