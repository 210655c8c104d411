package io.ledger.command.simulation;

import static io.ledger.api.payment.PaymentStatus.CANCELED;
import static io.ledger.api.payment.PaymentStatus.PARTIALLY_REFUNDED;
import static io.ledger.api.payment.PaymentStatus.PROCESSING;
import static io.ledger.api.payment.PaymentStatus.REFUNDED;
import static io.ledger.api.payment.PaymentStatus.SUCCEEDED;

import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentView;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the simulated provider can be made to report about a payment. Each is a report of the provider (a {@code
 * record ...} move of the payment), and the payment decides what it makes of it as it does with Stripe's. Where that
 * table reads a report as old news (a no-op: a failure after the payment succeeded), a simulation would only confuse:
 * the outcome is refused instead, as a call would be ({@link #impossibleFrom}), and only a true repeat is a no-op.
 */
enum Outcome {
    SUCCEED("succeed"),
    /** A captured payment never goes back to failed; nor does a canceled one. */
    FAIL("fail", SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED, CANCELED),
    /** Stripe never asks for customer action on a charge it is processing. */
    REQUIRE_ACTION("require_action", PROCESSING, SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED, CANCELED),
    PROCESS("process", SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED, CANCELED),
    SETTLE("settle"),
    DISPUTE("dispute"),
    WIN_DISPUTE("win_dispute"),
    LOSE_DISPUTE("lose_dispute");

    /** The outcomes as a request names them: one of these words. Kept equal to the wire values by a test. */
    static final String WIRE_PATTERN =
            "^(succeed|fail|require_action|process|settle|dispute|win_dispute|lose_dispute)$";

    /** The same words, as a refusal lists them. */
    static final String WIRE_LIST =
            "succeed, fail, require_action, process, settle, dispute, win_dispute, lose_dispute";

    private final String wire;
    private final Set<PaymentStatus> impossibleFrom;

    Outcome(String wire, PaymentStatus... impossibleFrom) {
        this.wire = wire;
        this.impossibleFrom = EnumSet.noneOf(PaymentStatus.class);
        this.impossibleFrom.addAll(List.of(impossibleFrom));
    }

    /** The outcome a request names; the request's validation made sure it names one. */
    static Outcome of(String wire) {
        return Arrays.stream(values())
                .filter(outcome -> outcome.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no outcome " + wire));
    }

    String wire() {
        return wire;
    }

    /** Refuses the outcome where the payment's status makes it a contradiction rather than news. */
    void checkPossibleFor(PaymentView payment) {
        if (impossibleFrom.contains(payment.status())) {
            throw new OutcomeNotPossible(this, payment);
        }
    }
}
