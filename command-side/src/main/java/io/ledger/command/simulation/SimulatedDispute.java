package io.ledger.command.simulation;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The dispute the simulated provider opens for a payment, as the payment's events tell it. A payment has at most one,
 * as a Stripe charge does: its id is the payment's own ({@code sim_dp_pay_...}), so a second {@code dispute} is the same
 * dispute reported again, a no-op, and what a {@code dispute} withdrew is what its decision gives back or keeps.
 *
 * @param amount what the dispute withdrew; null before it was opened
 * @param fee the dispute fee it withdrew; null before it was opened
 */
record SimulatedDispute(
        String id,
        Stage stage,
        @Nullable Money amount,
        @Nullable Money fee) {

    /** How far the dispute went. */
    enum Stage {
        NOT_OPENED,
        OPEN,
        WON,
        LOST
    }

    static String idOf(PaymentId paymentId) {
        return "sim_dp_" + paymentId.value();
    }

    /** The payment's simulated dispute, from the payloads of its events in order. */
    static SimulatedDispute of(PaymentId paymentId, List<?> payloads) {
        String id = idOf(paymentId);
        SimulatedDispute dispute = new SimulatedDispute(id, Stage.NOT_OPENED, null, null);
        for (Object payload : payloads) {
            if (payload instanceof DisputeOpened opened && opened.disputeId().equals(id)) {
                dispute = new SimulatedDispute(id, Stage.OPEN, opened.amount(), opened.fee());
            } else if (payload instanceof DisputeWon won && won.disputeId().equals(id)) {
                dispute = new SimulatedDispute(id, Stage.WON, won.amount(), won.fee());
            } else if (payload instanceof DisputeLost lost && lost.disputeId().equals(id)) {
                dispute = new SimulatedDispute(id, Stage.LOST, lost.amount(), lost.fee());
            }
        }
        return dispute;
    }
}
