package io.ledger.command.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentProcessingCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedReportsTest {

    private static final PaymentId ID = PaymentId.of("pay_0123456789abcdefghijklmn");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00.123456789Z");
    private static final SimulatedDispute NO_DISPUTE = SimulatedDispute.of(ID, List.of());

    @Test
    void eachOutcomeIsTheProvidersWordAsTheCommandThatBringsIt() {
        PaymentView pending = payment(PaymentStatus.PENDING, 1999, 0);

        assertThat(report(Outcome.SUCCEED, pending))
                .isEqualTo(new RecordPaymentSucceededCommand(ID, null, null, ProviderDetails.NONE));
        assertThat(report(Outcome.FAIL, pending))
                .isEqualTo(new RecordPaymentFailedCommand(
                        ID, "card_declined", null, "Your card was declined.", null, ProviderDetails.NONE));
        assertThat(report(Outcome.REQUIRE_ACTION, pending))
                .isEqualTo(new RecordPaymentActionRequiredCommand(ID, null, "use_stripe_sdk"));
        assertThat(report(Outcome.PROCESS, pending)).isEqualTo(new RecordPaymentProcessingCommand(ID, null));
    }

    @Test
    void aSettlementIsTheWholeCapturedAmountLessTheFeeUnderThePaymentsOneSettlementId() {
        assertThat(report(Outcome.SETTLE, payment(PaymentStatus.PARTIALLY_REFUNDED, 1999, 500)))
                .isEqualTo(new ReconcilePaymentCommand(
                        ID,
                        "sim_txn_" + ID.value(),
                        1999,
                        88,
                        1911,
                        USD,
                        Instant.parse("2026-11-23T06:00:00.123456Z")));
    }

    @Test
    void aDisputeWithdrawsWhatWasNotRefundedAndTheDisputeFee() {
        assertThat(report(Outcome.DISPUTE, payment(PaymentStatus.PARTIALLY_REFUNDED, 1999, 500)))
                .isEqualTo(
                        new RecordDisputeOpenedCommand(ID, "sim_dp_" + ID.value(), usd(1499), usd(1500), "fraudulent"));
    }

    @Test
    void aSecondDisputeIsTheFirstReportedAgain() {
        SimulatedDispute open = SimulatedDispute.of(ID, List.of(opened(1999)));

        assertThat(SimulatedReports.of(Outcome.DISPUTE, payment(PaymentStatus.SUCCEEDED, 1999, 0), open, NOW))
                .isEqualTo(
                        new RecordDisputeOpenedCommand(ID, "sim_dp_" + ID.value(), usd(1999), usd(1500), "fraudulent"));
    }

    @Test
    void aRefundedPaymentHasNothingLeftToDispute() {
        assertRefused(Outcome.DISPUTE, payment(PaymentStatus.REFUNDED, 1999, 1999), NO_DISPUTE, "nothing is left");
    }

    @Test
    void aWonDisputeGivesBackItsAmountAndFeeAndALostOneKeepsThem() {
        PaymentView captured = payment(PaymentStatus.SUCCEEDED, 1999, 0);
        SimulatedDispute open = SimulatedDispute.of(ID, List.of(opened(1999)));

        assertThat(SimulatedReports.of(Outcome.WIN_DISPUTE, captured, open, NOW))
                .isEqualTo(new RecordDisputeClosedCommand(
                        ID, "sim_dp_" + ID.value(), true, usd(1999), usd(1500), usd(1500), "fraudulent"));
        assertThat(SimulatedReports.of(Outcome.LOSE_DISPUTE, captured, open, NOW))
                .isEqualTo(new RecordDisputeClosedCommand(
                        ID, "sim_dp_" + ID.value(), false, usd(1999), usd(1500), null, "fraudulent"));
    }

    @Test
    void aDisputeIsDecidedOnlyOnceItWasOpenedAndOnlyOneWay() {
        PaymentView captured = payment(PaymentStatus.SUCCEEDED, 1999, 0);
        SimulatedDispute won = SimulatedDispute.of(
                ID, List.of(opened(1999), new DisputeWon(ID, "sim_dp_" + ID.value(), usd(1999), usd(1500), usd(1500))));
        SimulatedDispute lost = SimulatedDispute.of(
                ID, List.of(opened(1999), new DisputeLost(ID, "sim_dp_" + ID.value(), usd(1999), usd(1500))));

        assertRefused(Outcome.WIN_DISPUTE, captured, NO_DISPUTE, "it has no dispute");
        assertRefused(Outcome.LOSE_DISPUTE, captured, NO_DISPUTE, "it has no dispute");
        assertRefused(Outcome.LOSE_DISPUTE, captured, won, "its dispute was won already");
        assertRefused(Outcome.WIN_DISPUTE, captured, lost, "its dispute was lost already");
        // The same decision again is the provider repeating itself: the payment records nothing of it.
        assertThat(SimulatedReports.of(Outcome.WIN_DISPUTE, captured, won, NOW))
                .isInstanceOf(RecordDisputeClosedCommand.class);
    }

    @Test
    void anotherDisputeOfThePaymentIsNotTheSimulatedOne() {
        SimulatedDispute dispute =
                SimulatedDispute.of(ID, List.of(new DisputeOpened(ID, "dp_stripe", usd(100), usd(1500), null)));

        assertThat(dispute.stage()).isEqualTo(SimulatedDispute.Stage.NOT_OPENED);
    }

    /** Where the payment's own table would read the report as old news, the simulation refuses it. */
    @ParameterizedTest(name = "{0} is refused from {1}")
    @CsvSource({
        "FAIL, SUCCEEDED",
        "FAIL, PARTIALLY_REFUNDED",
        "FAIL, REFUNDED",
        "FAIL, CANCELED",
        "REQUIRE_ACTION, PROCESSING",
        "REQUIRE_ACTION, SUCCEEDED",
        "REQUIRE_ACTION, PARTIALLY_REFUNDED",
        "REQUIRE_ACTION, REFUNDED",
        "REQUIRE_ACTION, CANCELED",
        "PROCESS, SUCCEEDED",
        "PROCESS, PARTIALLY_REFUNDED",
        "PROCESS, REFUNDED",
        "PROCESS, CANCELED"
    })
    void aContradictionOfThePaymentIsRefused(Outcome outcome, PaymentStatus status) {
        assertRefused(outcome, payment(status, 1999, 0), NO_DISPUTE, "it is " + status.code());
    }

    /** Everything else goes to the payment, whose own rules decide (a repeat is a no-op, an illegal move a 409). */
    @ParameterizedTest(name = "{0} from {1} goes to the payment")
    @CsvSource({
        "SUCCEED, CANCELED",
        "SUCCEED, SUCCEEDED",
        "FAIL, FAILED",
        "FAIL, PROCESSING",
        "REQUIRE_ACTION, FAILED",
        "PROCESS, PROCESSING",
        "PROCESS, REQUIRES_ACTION",
        "SETTLE, PENDING",
        "DISPUTE, PENDING"
    })
    void everythingElseIsThePaymentsToDecide(Outcome outcome, PaymentStatus status) {
        assertThat(report(outcome, payment(status, 1999, 0))).isNotNull();
    }

    @Test
    void theRequestsPatternNamesEveryOutcomeAndNothingElse() {
        String words = Arrays.stream(Outcome.values()).map(Outcome::wire).collect(Collectors.joining("|"));

        assertThat(Outcome.WIRE_PATTERN).isEqualTo("^(" + words + ")$");
        assertThat(Outcome.WIRE_LIST).isEqualTo(words.replace("|", ", "));
        Arrays.stream(Outcome.values())
                .forEach(outcome -> assertThat(Outcome.of(outcome.wire())).isEqualTo(outcome));
    }

    private static Object report(Outcome outcome, PaymentView payment) {
        return SimulatedReports.of(outcome, payment, NO_DISPUTE, NOW);
    }

    private static void assertRefused(Outcome outcome, PaymentView payment, SimulatedDispute dispute, String why) {
        assertThatThrownBy(() -> SimulatedReports.of(outcome, payment, dispute, NOW))
                .isInstanceOf(OutcomeNotPossible.class)
                .hasMessageStartingWith("cannot simulate " + outcome.wire() + " of payment " + ID.value())
                .hasMessageContaining(why)
                .extracting(e -> ((LedgerProblem) e).code())
                .isEqualTo(ProblemCode.INVALID_STATE_TRANSITION);
    }

    private static DisputeOpened opened(long amount) {
        return new DisputeOpened(ID, "sim_dp_" + ID.value(), usd(amount), usd(1500), "fraudulent");
    }

    private static Money usd(long minor) {
        return new Money(minor, USD);
    }

    private static PaymentView payment(PaymentStatus status, long amount, long refunded) {
        Instant created = Instant.parse("2026-11-22T09:12:24.123Z");
        return new PaymentView(
                ID.value(),
                status,
                amount,
                "usd",
                refunded,
                "cus_1",
                null,
                null,
                Map.of(),
                Provider.SIMULATED,
                "sim_" + ID.value(),
                null,
                List.of(),
                PaymentView.ReconciliationView.UNRECONCILED,
                false,
                created,
                created,
                2);
    }
}
