package io.ledger.command.simulation;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentProcessingCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

/**
 * The simulated provider's word about an outcome, as the command that brings a provider's word to a payment, with what
 * the simulated provider's own test payment methods would have said: {@code pm_card_chargeDeclined}'s decline,
 * {@code pm_card_authenticationRequired}'s next action. Refuses what the provider could not say of the payment as it
 * stands ({@link OutcomeNotPossible}); the rest the payment decides.
 */
final class SimulatedReports {

    static final String DECLINE_CODE = "card_declined";
    static final String DECLINE_MESSAGE = "Your card was declined.";
    static final String NEXT_ACTION = "use_stripe_sdk";
    static final String DISPUTE_REASON = "fraudulent";

    private SimulatedReports() {}

    /** The settlement's id: one per payment, so a second {@code settle} is the same settlement again, a no-op. */
    static String settlementIdOf(PaymentId paymentId) {
        return "sim_txn_" + paymentId.value();
    }

    static PaymentCommand of(Outcome outcome, PaymentView payment, SimulatedDispute dispute, Instant now) {
        outcome.checkPossibleFor(payment);
        PaymentId id = PaymentId.of(payment.id());
        return switch (outcome) {
            case SUCCEED -> new RecordPaymentSucceededCommand(id, null, null, ProviderDetails.NONE);
            case FAIL ->
                new RecordPaymentFailedCommand(id, DECLINE_CODE, null, DECLINE_MESSAGE, null, ProviderDetails.NONE);
            case REQUIRE_ACTION -> new RecordPaymentActionRequiredCommand(id, null, NEXT_ACTION);
            case PROCESS -> new RecordPaymentProcessingCommand(id, null);
            case SETTLE -> settlement(id, payment, now);
            case DISPUTE -> opening(id, payment, dispute);
            case WIN_DISPUTE -> closing(outcome, id, payment, dispute, true);
            case LOSE_DISPUTE -> closing(outcome, id, payment, dispute, false);
        };
    }

    /** All that was captured, settled less the simulated provider's fee. */
    private static ReconcilePaymentCommand settlement(PaymentId id, PaymentView payment, Instant now) {
        Money gross = new Money(payment.amount(), currency(payment));
        Money fee = SimulatedFees.settlement(gross);
        return new ReconcilePaymentCommand(
                id,
                settlementIdOf(id),
                gross.minor(),
                fee.minor(),
                gross.minus(fee).minor(),
                gross.currency(),
                now.truncatedTo(ChronoUnit.MICROS));
    }

    /** What the customer paid and was not refunded is disputed, and the dispute fee withdrawn with it. */
    private static RecordDisputeOpenedCommand opening(PaymentId id, PaymentView payment, SimulatedDispute dispute) {
        if (dispute.stage() != SimulatedDispute.Stage.NOT_OPENED) {
            // The same dispute reported again: the payment knows it and records nothing.
            return new RecordDisputeOpenedCommand(id, dispute.id(), dispute.amount(), dispute.fee(), DISPUTE_REASON);
        }
        Currency currency = currency(payment);
        Money disputed = new Money(Math.subtractExact(payment.amount(), payment.amountRefunded()), currency);
        if (!disputed.isPositive()) {
            throw new OutcomeNotPossible(
                    Outcome.DISPUTE, payment, "it is " + payment.status().code() + ": nothing is left to dispute");
        }
        return new RecordDisputeOpenedCommand(
                id, dispute.id(), disputed, SimulatedFees.dispute(currency), DISPUTE_REASON);
    }

    /** A won dispute gives back what it withdrew, its fee included; a lost one keeps it. */
    private static RecordDisputeClosedCommand closing(
            Outcome outcome, PaymentId id, PaymentView payment, SimulatedDispute dispute, boolean won) {
        switch (dispute.stage()) {
            case NOT_OPENED -> throw new OutcomeNotPossible(outcome, payment, "it has no dispute");
            case WON, LOST -> {
                boolean wasWon = dispute.stage() == SimulatedDispute.Stage.WON;
                if (wasWon != won) {
                    throw new OutcomeNotPossible(
                            outcome, payment, "its dispute was " + (wasWon ? "won" : "lost") + " already");
                }
            }
            case OPEN -> {
                // decided now
            }
        }
        return new RecordDisputeClosedCommand(
                id, dispute.id(), won, dispute.amount(), dispute.fee(), won ? dispute.fee() : null, DISPUTE_REASON);
    }

    private static Currency currency(PaymentView payment) {
        return CurrencyRules.currency(payment.currency());
    }
}
