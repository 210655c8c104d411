package io.ledger.command.stripe;

import com.stripe.Stripe;
import com.stripe.exception.CardException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.model.checkout.Session;
import io.ledger.api.customer.Card;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.command.provider.SavedPaymentMethod;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The one translation of Stripe's objects (stripe-java's typed model, whether Stripe answered with them or a webhook
 * event carried them) into the ledger's reports, for every road: our own calls, the janitor, webhooks.
 * {@code apiVersion} is the version the object is rendered in when Stripe's answer does not say ({@link #apiVersion}).
 */
final class StripeReports {

    private StripeReports() {}

    static IntentReport intent(PaymentIntent intent, String apiVersion) {
        return new IntentReport(
                intent.getId(),
                ours(intent.getMetadata(), "paymentId"),
                Money.of(orZero(intent.getAmount()), intent.getCurrency()),
                intent.getCustomer(),
                intent.getDescription(),
                intent.getMetadata(),
                intent.getPaymentMethod(),
                charge(intent, apiVersion));
    }

    /** Where the PaymentIntent's charge stands. */
    static ChargeReport charge(PaymentIntent intent, String apiVersion) {
        String status = String.valueOf(intent.getStatus());
        return switch (status) {
            case "succeeded" -> new ChargeReport.Succeeded(details(intent, null, apiVersion));
            case "requires_action" ->
                new ChargeReport.ActionRequired(
                        intent.getNextAction() != null && intent.getNextAction().getType() != null
                                ? intent.getNextAction().getType()
                                : "unknown");
            case "processing" -> new ChargeReport.Processing();
            case "canceled" -> new ChargeReport.Canceled(intent.getCancellationReason());
            case "requires_payment_method" -> {
                StripeError error = intent.getLastPaymentError();
                if (error == null) {
                    yield new ChargeReport.NotAttempted(status);
                }
                Decline decline = Decline.of(error);
                yield new ChargeReport.Declined(decline, details(intent, decline.chargeId(), apiVersion));
            }
            default -> new ChargeReport.NotAttempted(status);
        };
    }

    /** A payment method Stripe saved for a customer, as the ledger keeps it: its id, type and card. */
    static SavedPaymentMethod saved(PaymentMethod method) {
        PaymentMethod.Card card = method.getCard();
        Card saved = card == null
                ? new Card("unknown", "", 1, 1970)
                : new Card(
                        String.valueOf(card.getBrand()),
                        String.valueOf(card.getLast4()),
                        Math.toIntExact(orZero(card.getExpMonth())),
                        Math.toIntExact(orZero(card.getExpYear())));
        return new SavedPaymentMethod(method.getId(), String.valueOf(method.getType()), saved);
    }

    /** A card error Stripe answered a confirm with (402): the attempt's charge, in the version Stripe answered in. */
    static ChargeReport.Declined declined(CardException e) {
        StripeError error = e.getStripeError();
        Decline decline =
                error != null ? Decline.of(error) : Decline.of(e.getCode(), e.getDeclineCode(), null, null, null);
        String apiVersion = error != null ? apiVersion(error, Stripe.API_VERSION) : Stripe.API_VERSION;
        return new ChargeReport.Declined(decline, new ProviderDetails(decline.chargeId(), null, apiVersion));
    }

    /**
     * A Checkout session's payment, for when its PaymentIntent cannot be read: as far as the session tells it (paid,
     * failed asynchronously, or still processing).
     */
    static IntentReport session(Session session, boolean asyncPaymentFailed, String apiVersion) {
        ChargeReport charge;
        if (asyncPaymentFailed) {
            Decline decline = Decline.of("payment_failed", null, "The asynchronous payment failed.", null, null);
            charge = new ChargeReport.Declined(decline, new ProviderDetails(null, null, apiVersion));
        } else if ("paid".equals(session.getPaymentStatus())) {
            charge = new ChargeReport.Succeeded(new ProviderDetails(null, null, apiVersion));
        } else {
            charge = new ChargeReport.Processing();
        }
        return new IntentReport(
                session.getPaymentIntent(),
                ours(session.getMetadata(), "paymentId"),
                Money.of(orZero(session.getAmountTotal()), session.getCurrency()),
                session.getCustomer(),
                null,
                session.getMetadata(),
                null,
                charge);
    }

    /** Whether a Checkout session was completed by its customer (paid, or an asynchronous payment under way). */
    static boolean checkoutComplete(Session session) {
        return "complete".equals(session.getStatus());
    }

    static RefundReport refund(Refund refund, String apiVersion) {
        RefundReport.Status status = switch (String.valueOf(refund.getStatus())) {
            case "succeeded" -> RefundReport.Status.SUCCEEDED;
            case "pending", "requires_action" -> RefundReport.Status.PENDING;
            default -> RefundReport.Status.FAILED;
        };
        return new RefundReport(
                refund.getId(),
                ours(refund.getMetadata(), "refundId"),
                ours(refund.getMetadata(), "paymentId"),
                refund.getPaymentIntent(),
                refund.getCharge(),
                Money.of(orZero(refund.getAmount()), refund.getCurrency()),
                refund.getReason() != null ? refund.getReason() : ours(refund.getMetadata(), "reason"),
                status,
                refund.getFailureReason() != null ? refund.getFailureReason() : String.valueOf(refund.getStatus()),
                new ProviderDetails(
                        refund.getCharge(), refund.getBalanceTransaction(), apiVersion(refund, apiVersion)));
    }

    static DisputeReport dispute(Dispute dispute) {
        DisputeReport.Status status = switch (String.valueOf(dispute.getStatus())) {
            case "won", "warning_closed" -> DisputeReport.Status.WON;
            case "lost" -> DisputeReport.Status.LOST;
            default -> DisputeReport.Status.OPEN;
        };
        return new DisputeReport(
                dispute.getId(),
                dispute.getPaymentIntent(),
                dispute.getCharge(),
                ours(dispute.getMetadata(), "paymentId"),
                dispute.getReason(),
                status,
                DisputeMoney.of(dispute));
    }

    /** A payout's charge balance transaction; empty for a charge made without a PaymentIntent (not a payment here). */
    static Optional<SettlementReport> settlement(String payoutId, Instant settledAt, BalanceTransaction transaction) {
        String intentId = transaction.getSourceObject() instanceof Charge charge ? charge.getPaymentIntent() : null;
        if (intentId == null) {
            return Optional.empty();
        }
        return Optional.of(new SettlementReport(
                payoutId,
                intentId,
                orZero(transaction.getAmount()),
                orZero(transaction.getFee()),
                orZero(transaction.getNet()),
                CurrencyRules.currency(transaction.getCurrency()),
                settledAt));
    }

    /** The version Stripe answered in (its {@code Stripe-Version} header), else {@code otherwise}. */
    static String apiVersion(StripeObject object, String otherwise) {
        if (object.getLastResponse() != null) {
            return object.getLastResponse()
                    .headers()
                    .firstValue("Stripe-Version")
                    .orElse(otherwise);
        }
        return otherwise;
    }

    /** The charge (PaymentIntent.latest_charge, expanded when read so) and its balance transaction. */
    private static ProviderDetails details(PaymentIntent intent, String attemptCharge, String apiVersion) {
        Charge latest = intent.getLatestChargeObject();
        return new ProviderDetails(
                attemptCharge != null ? attemptCharge : intent.getLatestCharge(),
                latest != null ? latest.getBalanceTransaction() : null,
                apiVersion(intent, apiVersion));
    }

    private static String ours(Map<String, String> metadata, String key) {
        return metadata == null ? null : metadata.get(key);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
