package io.ledger.query.stats;

import io.ledger.api.stats.StatsFiguresView;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What facts add to a stats bucket, or the sum of buckets: counts and volumes in minor units of one currency. Sums
 * are exact ({@link Math#addExact}); the net volume is derived, never stored.
 */
record BucketFigures(
        long created,
        long succeeded,
        long failed,
        long canceled,
        long grossVolume,
        long refundedVolume,
        long feeVolume) {

    static final BucketFigures ZERO = new BucketFigures(0, 0, 0, 0, 0, 0, 0);
    static final BucketFigures CREATED = new BucketFigures(1, 0, 0, 0, 0, 0, 0);
    static final BucketFigures FAILED = new BucketFigures(0, 0, 1, 0, 0, 0, 0);
    static final BucketFigures CANCELED = new BucketFigures(0, 0, 0, 1, 0, 0, 0);

    /** Decimal places of the success rate. */
    static final int RATE_SCALE = 4;

    /** A payment captured {@code amount}. */
    static BucketFigures succeeded(long amount) {
        return new BucketFigures(0, 1, 0, 0, amount, 0, 0);
    }

    /** A refund paid {@code amount} back. */
    static BucketFigures refunded(long amount) {
        return new BucketFigures(0, 0, 0, 0, 0, amount, 0);
    }

    /** A settlement changed the fees by {@code difference}: its fee less the previous settlement's (may be negative). */
    static BucketFigures fee(long difference) {
        return new BucketFigures(0, 0, 0, 0, 0, 0, difference);
    }

    BucketFigures plus(BucketFigures other) {
        return new BucketFigures(
                Math.addExact(created, other.created),
                Math.addExact(succeeded, other.succeeded),
                Math.addExact(failed, other.failed),
                Math.addExact(canceled, other.canceled),
                Math.addExact(grossVolume, other.grossVolume),
                Math.addExact(refundedVolume, other.refundedVolume),
                Math.addExact(feeVolume, other.feeVolume));
    }

    /** Captured less refunded less fees. */
    long netVolume() {
        return Math.subtractExact(Math.subtractExact(grossVolume, refundedVolume), feeVolume);
    }

    /** succeeded / (succeeded + failed), rounded half up to four places ("0.9500"); null when nothing was attempted. */
    String successRate() {
        long attempts = Math.addExact(succeeded, failed);
        if (attempts == 0) {
            return null;
        }
        return BigDecimal.valueOf(succeeded)
                .divide(BigDecimal.valueOf(attempts), RATE_SCALE, RoundingMode.HALF_UP)
                .toPlainString();
    }

    StatsFiguresView view() {
        return new StatsFiguresView(
                created,
                succeeded,
                failed,
                canceled,
                successRate(),
                grossVolume,
                refundedVolume,
                feeVolume,
                netVolume());
    }
}
