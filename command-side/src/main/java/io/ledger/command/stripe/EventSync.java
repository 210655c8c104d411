package io.ledger.command.stripe;

import com.stripe.Stripe;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.ApiResource;
import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.provider.SyncStripeObjectCommand;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * One webhook event's sync: the object it names, read as it stands at Stripe now (the event's own object, rendered in
 * the event's API version, when Stripe cannot be read), turned into reports and commands by {@link StripeReports} and
 * {@link ReportCommands}. A refund, dispute or payout first brings its payment's success in; each PaymentIntent is
 * synced once per event. Its commands are sent while the sync command is handled, so they carry its metadata and join
 * its unit of work and transaction.
 */
final class EventSync {

    private final SyncStripeObjectCommand event;
    private final StripeReads stripe;
    private final CommandGateway commands;
    private final Map<String, PaymentId> synced = new HashMap<>();

    EventSync(SyncStripeObjectCommand event, StripeReads stripe, CommandGateway commands) {
        this.event = event;
        this.stripe = stripe;
        this.commands = commands;
    }

    // --- payments -------------------------------------------------------------------------------------------------

    void paymentIntent() {
        PaymentIntent fromEvent = object(PaymentIntent.class);
        sync(stripe.intent(fromEvent.getId())
                .map(EventSync::current)
                .orElseGet(() -> StripeReports.intent(fromEvent, event.apiVersion())));
    }

    /** A session in payment mode: its PaymentIntent; false for a session without one (setup, subscription). */
    boolean checkoutSession() {
        Session session = object(Session.class);
        String intentId = session.getPaymentIntent();
        if (intentId == null) {
            return false;
        }
        Optional<PaymentIntent> current = stripe.intent(intentId);
        if (current.isPresent()) {
            sync(current(current.get()));
        } else if (session.getPaymentIntentObject() != null) {
            sync(StripeReports.intent(session.getPaymentIntentObject(), event.apiVersion()));
        } else {
            boolean failed = "checkout.session.async_payment_failed".equals(event.eventType());
            sync(StripeReports.session(session, failed, event.apiVersion()));
        }
        return true;
    }

    // --- refunds --------------------------------------------------------------------------------------------------

    void chargeRefunded() {
        Charge charge = object(Charge.class);
        if (stripe.available() && charge.getPaymentIntent() != null) {
            syncIntent(charge.getPaymentIntent());
        }
        if (stripe.available()) {
            stripe.refundsOfCharge(charge.getId())
                    .forEach(refund -> refund(StripeReports.refund(refund, Stripe.API_VERSION)));
        } else if (charge.getRefunds() != null && charge.getRefunds().getData() != null) {
            charge.getRefunds().getData().forEach(refund -> refund(StripeReports.refund(refund, event.apiVersion())));
        }
    }

    void refund() {
        Refund fromEvent = object(Refund.class);
        refund(stripe.refund(fromEvent.getId())
                .map(refund -> StripeReports.refund(refund, Stripe.API_VERSION))
                .orElseGet(() -> StripeReports.refund(fromEvent, event.apiVersion())));
    }

    private void refund(RefundReport refund) {
        String intentId = intentOf(refund.intentId(), refund.chargeId());
        PaymentId paymentId = paymentOf(refund.ledgerPaymentId(), intentId, refund.refundId());
        ReportCommands.refund(paymentId, ReportCommands.refundId(refund), refund)
                .ifPresent(this::send);
    }

    // --- disputes -------------------------------------------------------------------------------------------------

    void dispute() {
        Dispute fromEvent = object(Dispute.class);
        DisputeReport dispute =
                StripeReports.dispute(stripe.dispute(fromEvent.getId()).orElse(fromEvent));
        String intentId = intentOf(dispute.intentId(), dispute.chargeId());
        if (intentId == null) {
            throw new IllegalStateException("dispute " + dispute.disputeId() + " names no PaymentIntent");
        }
        send(ReportCommands.dispute(paymentOf(dispute.ledgerPaymentId(), intentId, dispute.disputeId()), dispute));
    }

    // --- payouts --------------------------------------------------------------------------------------------------

    void payout() {
        Payout payout = object(Payout.class);
        List<BalanceTransaction> transactions = stripe.chargesOfPayout(payout.getId());
        Instant settledAt = Instant.ofEpochSecond(payout.getArrivalDate());
        for (BalanceTransaction transaction : transactions) {
            // A charge made without a PaymentIntent is not a payment of this ledger.
            StripeReports.settlement(payout.getId(), settledAt, transaction)
                    .ifPresent(settlement ->
                            send(ReportCommands.settlement(syncIntent(settlement.intentId()), settlement)));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A PaymentIntent as Stripe answered it: in the version it answered in. */
    private static IntentReport current(PaymentIntent intent) {
        return StripeReports.intent(intent, Stripe.API_VERSION);
    }

    /** The payment of a PaymentIntent read from Stripe, brought to Stripe's state; once per PaymentIntent and event. */
    private PaymentId syncIntent(String intentId) {
        PaymentId known = synced.get(intentId);
        if (known != null) {
            return known;
        }
        PaymentIntent intent = stripe.intent(intentId)
                .orElseThrow(() -> new IllegalStateException("cannot read PaymentIntent " + intentId));
        return sync(current(intent));
    }

    /** Imports the PaymentIntent if the ledger never created it, then records where its charge stands. */
    private PaymentId sync(IntentReport intent) {
        PaymentId paymentId = ReportCommands.payment(intent);
        if (!ReportCommands.ours(intent)) {
            send(ReportCommands.importing(intent));
        }
        ReportCommands.charge(paymentId, intent.intentId(), intent.paymentMethod(), intent.charge())
                .ifPresent(this::send);
        synced.put(intent.intentId(), paymentId);
        return paymentId;
    }

    /** The PaymentIntent of a refund or dispute; rendered without one (older API versions), its charge's. */
    private String intentOf(String intentId, String chargeId) {
        if (intentId != null || chargeId == null) {
            return intentId;
        }
        return stripe.charge(chargeId).map(Charge::getPaymentIntent).orElse(null);
    }

    /** The payment an object (refund, dispute) belongs to, its success recorded first when Stripe can tell. */
    private PaymentId paymentOf(String ledgerPaymentId, String intentId, String objectId) {
        if (stripe.available() && intentId != null) {
            return syncIntent(intentId);
        }
        if (ledgerPaymentId != null && PaymentId.isValid(ledgerPaymentId)) {
            return PaymentId.of(ledgerPaymentId);
        }
        if (intentId == null) {
            throw new IllegalStateException("no payment for " + objectId);
        }
        return ReportCommands.importedPaymentId(intentId);
    }

    /** The event's own object, read into stripe-java's model whatever API version rendered it. */
    private <T> T object(Class<T> type) {
        return ApiResource.GSON.fromJson(event.objectJson(), type);
    }

    private void send(PaymentCommand command) {
        commands.sendAndWait(command);
    }
}
