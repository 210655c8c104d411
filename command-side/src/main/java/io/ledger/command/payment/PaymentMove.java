package io.ledger.command.payment;

import static io.ledger.command.payment.PaymentState.CANCELED;
import static io.ledger.command.payment.PaymentState.FAILED;
import static io.ledger.command.payment.PaymentState.OUTCOME_UNKNOWN;
import static io.ledger.command.payment.PaymentState.PARTIALLY_REFUNDED;
import static io.ledger.command.payment.PaymentState.PENDING;
import static io.ledger.command.payment.PaymentState.PROCESSING;
import static io.ledger.command.payment.PaymentState.REFUNDED;
import static io.ledger.command.payment.PaymentState.REQUIRES_ACTION;
import static io.ledger.command.payment.PaymentState.SUCCEEDED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves of a payment and what each does from every state: the one table of allowed moves. A move is allowed
 * (events are recorded), a no-op (it happened already, or the news is older than what is recorded: nothing is
 * recorded and the call answers the current state), or illegal ({@link IllegalPaymentTransition}). The aggregate asks
 * this table, {@code PaymentTest} walks every cell of it, and docs/payments.md shows it ({@code
 * PaymentMovesDocumentedTest} fails when the two differ).
 *
 * <p>The {@code record ...} moves are the provider's word, brought by our own call, the janitor or a webhook. Repeats
 * of one refund, settlement or dispute are no-ops before the table is asked, whatever the state; so are an update that
 * changes nothing and the archive of an archived payment, and an update of an archived payment is refused before it.
 */
enum PaymentMove {
    CONFIRM(
            "confirm",
            EnumSet.of(PENDING, REQUIRES_ACTION, FAILED),
            EnumSet.of(PROCESSING, OUTCOME_UNKNOWN, SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED)),
    FAIL("fail", EnumSet.of(PENDING, PROCESSING, OUTCOME_UNKNOWN, REQUIRES_ACTION), EnumSet.of(FAILED)),
    CANCEL("cancel", EnumSet.of(PENDING, REQUIRES_ACTION, FAILED), EnumSet.of(CANCELED)),
    REFUND("refund", EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED), EnumSet.noneOf(PaymentState.class)),
    RECONCILE("reconcile", EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED), EnumSet.noneOf(PaymentState.class)),
    /** Description, order id and metadata: what the payment says about itself, in any state (unless archived). */
    UPDATE("update", EnumSet.allOf(PaymentState.class), EnumSet.noneOf(PaymentState.class)),
    /** Nothing was charged or asked of the customer yet: the amount may still change. */
    UPDATE_AMOUNT("change the amount of", EnumSet.of(PENDING), EnumSet.noneOf(PaymentState.class)),
    /** Cancels first where it may still be canceled; an archived payment's archive is a no-op before the table. */
    ARCHIVE("archive", EnumSet.of(PENDING, REQUIRES_ACTION, FAILED, CANCELED), EnumSet.noneOf(PaymentState.class)),
    RECORD_SUCCESS(
            "record success of",
            EnumSet.of(PENDING, PROCESSING, OUTCOME_UNKNOWN, REQUIRES_ACTION, FAILED),
            EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED)),
    /** From our own guess too: the provider's word replaces it. */
    RECORD_PROCESSING(
            "record processing of",
            EnumSet.of(PENDING, OUTCOME_UNKNOWN, REQUIRES_ACTION, FAILED),
            EnumSet.of(PROCESSING, SUCCEEDED, CANCELED, PARTIALLY_REFUNDED, REFUNDED)),
    /** Stripe never moves processing to requires action: only our guess gives way to it. */
    RECORD_ACTION_REQUIRED(
            "record required action of",
            EnumSet.of(PENDING, OUTCOME_UNKNOWN, FAILED),
            EnumSet.of(PROCESSING, REQUIRES_ACTION, SUCCEEDED, CANCELED, PARTIALLY_REFUNDED, REFUNDED)),
    /** A failure never undoes what came after it. */
    RECORD_FAILURE(
            "record failure of",
            EnumSet.of(PENDING, PROCESSING, OUTCOME_UNKNOWN, REQUIRES_ACTION),
            EnumSet.of(FAILED, SUCCEEDED, CANCELED, PARTIALLY_REFUNDED, REFUNDED)),
    RECORD_CANCELLATION(
            "record cancellation of",
            EnumSet.of(PENDING, PROCESSING, OUTCOME_UNKNOWN, REQUIRES_ACTION, FAILED),
            EnumSet.of(CANCELED)),
    /** A refund the ledger never asked for (made in Stripe's dashboard, say). */
    RECORD_REFUND("record a refund of", EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED), EnumSet.noneOf(PaymentState.class)),
    RECORD_DISPUTE(
            "record a dispute of",
            EnumSet.of(SUCCEEDED, PARTIALLY_REFUNDED, REFUNDED),
            EnumSet.noneOf(PaymentState.class));

    /** What a move does from a state. */
    enum Verdict {
        ALLOWED,
        NO_OP,
        ILLEGAL
    }

    private final String verb;
    private final Map<PaymentState, Verdict> verdicts = new EnumMap<>(PaymentState.class);

    PaymentMove(String verb, Set<PaymentState> allowed, Set<PaymentState> noOps) {
        if (!Collections.disjoint(allowed, noOps)) {
            throw new IllegalArgumentException(verb + " is both allowed and a no-op from " + allowed);
        }
        this.verb = verb;
        for (PaymentState state : PaymentState.values()) {
            verdicts.put(
                    state,
                    allowed.contains(state)
                            ? Verdict.ALLOWED
                            : noOps.contains(state) ? Verdict.NO_OP : Verdict.ILLEGAL);
        }
    }

    Verdict from(PaymentState state) {
        return verdicts.get(state);
    }

    /** How the refusal names the move: "cannot {verb} payment ...". */
    String verb() {
        return verb;
    }
}
