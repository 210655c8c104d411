package io.ledger.query.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.stats.StatsFiguresView;
import org.junit.jupiter.api.Test;

class BucketFiguresTest {

    @Test
    void factsAddUpFieldByField() {
        BucketFigures sum = BucketFigures.CREATED
                .plus(BucketFigures.CREATED)
                .plus(BucketFigures.succeeded(10_000))
                .plus(BucketFigures.FAILED)
                .plus(BucketFigures.CANCELED)
                .plus(BucketFigures.refunded(2_500))
                .plus(BucketFigures.fee(300));

        assertThat(sum).isEqualTo(new BucketFigures(2, 1, 1, 1, 10_000, 2_500, 300));
    }

    @Test
    void netVolumeIsGrossLessRefundedLessFees() {
        BucketFigures figures = BucketFigures.succeeded(20_000)
                .plus(BucketFigures.refunded(2_500))
                .plus(BucketFigures.fee(470));

        assertThat(figures.netVolume()).isEqualTo(17_030);
    }

    @Test
    void aResettlementWithALowerFeeLowersTheFeeVolumeByTheDifference() {
        BucketFigures firstSettlement = BucketFigures.fee(300);
        BucketFigures secondSettlementOfTheSamePayment = BucketFigures.fee(250 - 300);

        assertThat(firstSettlement.plus(secondSettlementOfTheSamePayment).feeVolume())
                .isEqualTo(250);
    }

    @Test
    void successRateIsSucceededOverAttemptsWithFourPlaces() {
        assertThat(rate(19, 1)).isEqualTo("0.9500");
        assertThat(rate(1, 0)).isEqualTo("1.0000");
        assertThat(rate(0, 3)).isEqualTo("0.0000");
    }

    @Test
    void successRateRoundsHalfUp() {
        assertThat(rate(2, 1)).isEqualTo("0.6667");
        assertThat(rate(1, 2)).isEqualTo("0.3333");
        // 1 / 32 = 0.03125
        assertThat(rate(1, 31)).isEqualTo("0.0313");
    }

    @Test
    void successRateIsNullWithoutAttempts() {
        BucketFigures createdAndCanceled = BucketFigures.CREATED.plus(BucketFigures.CANCELED);

        assertThat(createdAndCanceled.successRate()).isNull();
    }

    @Test
    void theViewCarriesEveryFigure() {
        BucketFigures figures = new BucketFigures(5, 4, 2, 1, 20_000, 2_500, 470);

        assertThat(figures.view()).isEqualTo(new StatsFiguresView(5, 4, 2, 1, "0.6667", 20_000, 2_500, 470, 17_030));
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        BucketFigures huge = BucketFigures.succeeded(Long.MAX_VALUE);

        assertThatThrownBy(() -> huge.plus(BucketFigures.succeeded(1))).isInstanceOf(ArithmeticException.class);
    }

    private static String rate(int succeeded, int failed) {
        BucketFigures figures = BucketFigures.ZERO;
        for (int i = 0; i < succeeded; i++) {
            figures = figures.plus(BucketFigures.succeeded(100));
        }
        for (int i = 0; i < failed; i++) {
            figures = figures.plus(BucketFigures.FAILED);
        }
        return figures.successRate();
    }
}
