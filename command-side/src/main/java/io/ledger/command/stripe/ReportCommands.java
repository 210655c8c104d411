package io.ledger.command.stripe;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RecordPaymentCanceledCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentProcessingCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.payment.RecordRefundFailedCommand;
import io.ledger.api.payment.RecordRefundSucceededCommand;
import java.util.Optional;

/**
 * The one mapping of Stripe's reports to payment commands, for the janitor and webhook syncs alike (our own calls answer
 * the provider port instead, see {@link StripePaymentProvider}). Each command states what Stripe reports now; the
 * Payment aggregate ignores news it already has, or news older than what it has.
 */
final class ReportCommands {

    /** The customer of an imported payment whose PaymentIntent names none. */
    static final String CUSTOMER_UNKNOWN = "unknown";

    static final String REFUND_NOT_PAID = "The refund could not be paid back.";

    private ReportCommands() {}

    /** What the charge's state says that the payment may not know yet; empty when nothing happened to the money. */
    static Optional<PaymentCommand> charge(
            PaymentId paymentId, String intentId, String paymentMethod, ChargeReport charge) {
        if (charge instanceof ChargeReport.Succeeded succeeded) {
            return Optional.of(
                    new RecordPaymentSucceededCommand(paymentId, intentId, paymentMethod, succeeded.details()));
        }
        if (charge instanceof ChargeReport.Declined declined) {
            Decline decline = declined.decline();
            return Optional.of(new RecordPaymentFailedCommand(
                    paymentId,
                    decline.code(),
                    decline.declineCode(),
                    decline.message(),
                    decline.paymentMethod() != null ? decline.paymentMethod() : paymentMethod,
                    declined.details()));
        }
        if (charge instanceof ChargeReport.ActionRequired action) {
            return Optional.of(new RecordPaymentActionRequiredCommand(paymentId, paymentMethod, action.nextAction()));
        }
        if (charge instanceof ChargeReport.Processing) {
            return Optional.of(new RecordPaymentProcessingCommand(paymentId, paymentMethod));
        }
        if (charge instanceof ChargeReport.Canceled canceled) {
            return Optional.of(new RecordPaymentCanceledCommand(paymentId, canceled.reason()));
        }
        return Optional.empty(); // not attempted: nothing has happened to the money yet
    }

    /** The payment a PaymentIntent belongs to: ours from its metadata, else the id it is imported under. */
    static PaymentId payment(IntentReport intent) {
        return intent.ledgerPaymentId() != null && PaymentId.isValid(intent.ledgerPaymentId())
                ? PaymentId.of(intent.ledgerPaymentId())
                : importedPaymentId(intent.intentId());
    }

    /** Whether the ledger created the PaymentIntent (else it is imported). */
    static boolean ours(IntentReport intent) {
        return intent.ledgerPaymentId() != null && PaymentId.isValid(intent.ledgerPaymentId());
    }

    /** Creates the payment of a PaymentIntent the ledger never created, as it stands at Stripe. */
    static ImportPaymentCommand importing(IntentReport intent) {
        return new ImportPaymentCommand(
                payment(intent),
                intent.amount(),
                intent.customerId() != null ? intent.customerId() : CUSTOMER_UNKNOWN,
                intent.metadata().get("orderId"),
                intent.description(),
                intent.metadata(),
                Provider.STRIPE,
                intent.intentId(),
                intent.paymentMethod());
    }

    /** The ledger's id for a PaymentIntent it never created: derived from Stripe's id, so every import agrees. */
    static PaymentId importedPaymentId(String intentId) {
        return PaymentId.of(PaymentId.PREFIX + alphanumeric(intentId));
    }

    /** The ledger's id of a refund: ours from its metadata, else one derived from Stripe's id likewise. */
    static RefundId refundId(RefundReport refund) {
        return refund.ledgerRefundId() != null && RefundId.isValid(refund.ledgerRefundId())
                ? RefundId.of(refund.ledgerRefundId())
                : RefundId.of(RefundId.PREFIX + alphanumeric(refund.refundId()));
    }

    /** A refund that paid out or failed; empty while it is pending. */
    static Optional<PaymentCommand> refund(PaymentId paymentId, RefundId refundId, RefundReport refund) {
        return Optional.ofNullable(
                switch (refund.status()) {
                    case SUCCEEDED ->
                        new RecordRefundSucceededCommand(
                                paymentId,
                                refundId,
                                refund.amount(),
                                refund.reason(),
                                refund.refundId(),
                                refund.details());
                    case FAILED ->
                        new RecordRefundFailedCommand(
                                paymentId,
                                refundId,
                                refund.amount(),
                                refund.refundId(),
                                refund.failureCode(),
                                REFUND_NOT_PAID,
                                refund.details());
                    case PENDING -> null;
                });
    }

    static PaymentCommand dispute(PaymentId paymentId, DisputeReport dispute) {
        DisputeMoney money = dispute.money();
        return switch (dispute.status()) {
            case OPEN ->
                new RecordDisputeOpenedCommand(
                        paymentId, dispute.disputeId(), money.withdrawn(), money.fee(), dispute.reason());
            case WON, LOST ->
                new RecordDisputeClosedCommand(
                        paymentId,
                        dispute.disputeId(),
                        dispute.status() == DisputeReport.Status.WON,
                        money.withdrawn(),
                        money.fee(),
                        money.feeReturned(),
                        dispute.reason());
        };
    }

    static ReconcilePaymentCommand settlement(PaymentId paymentId, SettlementReport settlement) {
        return new ReconcilePaymentCommand(
                paymentId,
                settlement.payoutId(),
                settlement.gross(),
                settlement.fee(),
                settlement.net(),
                settlement.currency(),
                settlement.settledAt());
    }

    private static String alphanumeric(String stripeId) {
        if (stripeId == null) {
            throw new IllegalStateException("a Stripe object without an id");
        }
        return stripeId.replaceAll("[^A-Za-z0-9]", "");
    }
}
