package io.ledger.webhook.stripe;

import com.stripe.Stripe;
import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ProviderDetails;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one Stripe event into payment commands, sent through Axon's gateway with the Stripe event id as correlation
 * and causation, {@code source=webhook} and {@code actor=stripe}. The translation is state-based: it re-reads the
 * object from Stripe (when a key is configured) and drives the payment to the state Stripe reports now, so events
 * delivered late, twice or out of order converge on one ledger; the aggregate ignores news it already has. A refund
 * or dispute first makes sure the payment's success is recorded. Events of other types are ignored.
 */
@Component
class StripeEventTranslator {

    enum Outcome {
        PROCESSED,
        IGNORED
    }

    static final String CUSTOMER_UNKNOWN = "unknown";

    private final CommandGateway commands;
    private final StripeObjects stripe;

    StripeEventTranslator(CommandGateway commands, StripeObjects stripe) {
        this.commands = commands;
        this.stripe = stripe;
    }

    Outcome translate(StripeEvent event) {
        Translation translation = new Translation(event);
        switch (event.type()) {
            case "payment_intent.created",
                    "payment_intent.succeeded",
                    "payment_intent.payment_failed",
                    "payment_intent.canceled",
                    "payment_intent.processing",
                    "payment_intent.requires_action" -> translation.paymentIntent(event.object());
            case "checkout.session.completed",
                    "checkout.session.async_payment_succeeded",
                    "checkout.session.async_payment_failed" -> {
                if (!translation.checkoutSession(event.object())) {
                    return Outcome.IGNORED;
                }
            }
            case "charge.refunded" -> translation.chargeRefunded(event.object());
            case "charge.refund.updated", "refund.created", "refund.updated", "refund.failed" ->
                translation.refund(event.object(), true);
            case "charge.dispute.created",
                    "charge.dispute.updated",
                    "charge.dispute.closed",
                    "charge.dispute.funds_withdrawn",
                    "charge.dispute.funds_reinstated" -> translation.dispute(event.object());
            case "payout.paid" -> translation.payout(event.object());
            default -> {
                return Outcome.IGNORED;
            }
        }
        return Outcome.PROCESSED;
    }

    /** One event's translation: its commands all carry the event's id. */
    private final class Translation {

        private final StripeEvent event;

        private final Map<String, PaymentId> synced = new HashMap<>();

        Translation(StripeEvent event) {
            this.event = event;
        }

        // --- payments -------------------------------------------------------------------------------------------

        void paymentIntent(JsonNode fromEvent) {
            String intentId = text(fromEvent, "id");
            Optional<JsonNode> current = stripe.paymentIntent(intentId);
            sync(current.orElse(fromEvent), current.isPresent());
        }

        /**
         * The payment of a PaymentIntent, brought to the state Stripe reports now; its id. Once per PaymentIntent and
         * event: a charge's refunds or a payout's transactions often name the same one.
         */
        PaymentId syncIntent(String intentId) {
            return synced.computeIfAbsent(intentId, id -> {
                JsonNode intent = stripe.paymentIntent(id)
                        .orElseThrow(() -> new IllegalStateException("cannot read PaymentIntent " + id));
                return sync(intent, true);
            });
        }

        /** Imports the PaymentIntent if the ledger never created it, then records its status. */
        private PaymentId sync(JsonNode intent, boolean fetched) {
            String intentId = text(intent, "id");
            String ours = text(intent.path("metadata"), "paymentId");
            PaymentId paymentId;
            if (ours != null && PaymentId.isValid(ours)) {
                paymentId = PaymentId.of(ours);
            } else {
                paymentId = importedPaymentId(intentId);
                Map<String, String> metadata = metadata(intent);
                send(new ImportPaymentCommand(
                        paymentId,
                        Money.of(intent.path("amount").asLong(), text(intent, "currency")),
                        Optional.ofNullable(idOf(intent.get("customer"))).orElse(CUSTOMER_UNKNOWN),
                        metadata.get("orderId"),
                        text(intent, "description"),
                        metadata,
                        Provider.STRIPE,
                        intentId,
                        idOf(intent.get("payment_method"))));
            }
            String method = idOf(intent.get("payment_method"));
            switch (String.valueOf(text(intent, "status"))) {
                case "succeeded" ->
                    send(new RecordPaymentSucceededCommand(
                            paymentId, intentId, method, chargeDetails(intent.get("latest_charge"), fetched)));
                case "processing" -> send(new RecordPaymentProcessingCommand(paymentId, method));
                case "requires_action" ->
                    send(new RecordPaymentActionRequiredCommand(
                            paymentId, method, text(intent.path("next_action"), "type")));
                case "canceled" ->
                    send(new RecordPaymentCanceledCommand(paymentId, text(intent, "cancellation_reason")));
                case "requires_payment_method" -> {
                    JsonNode error = intent.get("last_payment_error");
                    if (error != null && error.isObject()) {
                        String declineCode = text(error, "decline_code");
                        String code = declineCode != null
                                ? declineCode
                                : Optional.ofNullable(text(error, "code")).orElse("payment_failed");
                        send(new RecordPaymentFailedCommand(
                                paymentId,
                                code,
                                declineCode,
                                Optional.ofNullable(text(error, "message"))
                                        .orElse("The payment could not be completed."),
                                Optional.ofNullable(idOf(error.get("payment_method")))
                                        .orElse(method),
                                chargeDetails(intent.get("latest_charge"), fetched)));
                    }
                }
                default -> {
                    // requires_confirmation, requires_capture: nothing has happened to the money yet.
                }
            }
            return paymentId;
        }

        /** A session in payment mode: its PaymentIntent; false for a session without one (setup, subscription). */
        boolean checkoutSession(JsonNode session) {
            String intentId = idOf(session.get("payment_intent"));
            if (intentId == null) {
                return false;
            }
            Optional<JsonNode> current = stripe.paymentIntent(intentId);
            if (current.isPresent()) {
                sync(current.get(), true);
            } else if (session.get("payment_intent").isObject()) {
                sync(session.get("payment_intent"), false);
            } else {
                sync(intentOfSession(session, intentId), false);
            }
            return true;
        }

        /** Without access to Stripe: the PaymentIntent as far as the session tells it. */
        private JsonNode intentOfSession(JsonNode session, String intentId) {
            ObjectNode intent = StripeEvent.JSON.createObjectNode();
            intent.put("id", intentId);
            intent.put("object", "payment_intent");
            intent.put("amount", session.path("amount_total").asLong());
            intent.put("currency", text(session, "currency"));
            intent.put("customer", idOf(session.get("customer")));
            intent.set("metadata", session.path("metadata").isObject() ? session.get("metadata") : null);
            String paymentStatus = text(session, "payment_status");
            if (event.type().equals("checkout.session.async_payment_failed")) {
                intent.put("status", "requires_payment_method");
                ObjectNode error = intent.putObject("last_payment_error");
                error.put("code", "payment_failed");
                error.put("message", "The asynchronous payment failed.");
            } else if ("paid".equals(paymentStatus)) {
                intent.put("status", "succeeded");
            } else {
                intent.put("status", "processing");
            }
            return intent;
        }

        // --- refunds --------------------------------------------------------------------------------------------

        void chargeRefunded(JsonNode charge) {
            String intentId = idOf(charge.get("payment_intent"));
            if (stripe.available() && intentId != null) {
                syncIntent(intentId);
            }
            JsonNode listed = charge.path("refunds").path("data");
            List<JsonNode> refunds =
                    stripe.available() ? stripe.refundsOfCharge(text(charge, "id")) : List.copyOf(listed.values());
            for (JsonNode refund : refunds) {
                refund(refund, false);
            }
        }

        void refund(JsonNode fromEvent, boolean fetch) {
            JsonNode refund = fetch ? stripe.refund(text(fromEvent, "id")).orElse(fromEvent) : fromEvent;
            String intentId = intentOf(refund);
            PaymentId paymentId = paymentOf(refund, intentId);
            String stripeRefundId = text(refund, "id");
            String ours = text(refund.path("metadata"), "refundId");
            RefundId refundId =
                    ours != null && RefundId.isValid(ours) ? RefundId.of(ours) : importedRefundId(stripeRefundId);
            Money amount = Money.of(refund.path("amount").asLong(), text(refund, "currency"));
            ProviderDetails details =
                    new ProviderDetails(idOf(refund.get("charge")), idOf(refund.get("balance_transaction")), version());
            switch (String.valueOf(text(refund, "status"))) {
                case "succeeded" ->
                    send(new RecordRefundSucceededCommand(
                            paymentId, refundId, amount, text(refund, "reason"), stripeRefundId, details));
                case "failed", "canceled" ->
                    send(new RecordRefundFailedCommand(
                            paymentId,
                            refundId,
                            amount,
                            stripeRefundId,
                            Optional.ofNullable(text(refund, "failure_reason")).orElse(text(refund, "status")),
                            "The refund could not be paid back.",
                            details));
                default -> {
                    // pending, requires_action: nothing has moved yet; its outcome comes with a later event.
                }
            }
        }

        // --- disputes -------------------------------------------------------------------------------------------

        void dispute(JsonNode fromEvent) {
            JsonNode dispute = stripe.dispute(text(fromEvent, "id")).orElse(fromEvent);
            String intentId = intentOf(dispute);
            if (intentId == null) {
                throw new IllegalStateException("dispute " + text(dispute, "id") + " names no PaymentIntent");
            }
            PaymentId paymentId = paymentOf(dispute, intentId);
            DisputeMoney money = DisputeMoney.of(dispute);
            String disputeId = text(dispute, "id");
            String reason = text(dispute, "reason");
            String status = String.valueOf(text(dispute, "status"));
            switch (status) {
                case "won", "warning_closed", "lost" ->
                    send(new RecordDisputeClosedCommand(
                            paymentId,
                            disputeId,
                            !status.equals("lost"),
                            money.withdrawn(),
                            money.fee(),
                            money.feeReturned(),
                            reason));
                default ->
                    send(new RecordDisputeOpenedCommand(paymentId, disputeId, money.withdrawn(), money.fee(), reason));
            }
        }

        // --- payouts --------------------------------------------------------------------------------------------

        void payout(JsonNode payout) {
            if (!stripe.available()) {
                throw new StripeObjects.StripeUnavailable(
                        "payout.paid needs a Stripe key to list the payout's balance transactions");
            }
            String payoutId = text(payout, "id");
            Instant settledAt =
                    Instant.ofEpochSecond(payout.path("arrival_date").asLong());
            for (JsonNode transaction : stripe.chargesOfPayout(payoutId)) {
                JsonNode source = transaction.get("source");
                String intentId = source != null && source.isObject() ? idOf(source.get("payment_intent")) : null;
                if (intentId == null) {
                    continue; // a charge made without a PaymentIntent: not a payment of this ledger
                }
                PaymentId paymentId = syncIntent(intentId);
                send(new ReconcilePaymentCommand(
                        paymentId,
                        payoutId,
                        transaction.path("amount").asLong(),
                        transaction.path("fee").asLong(),
                        transaction.path("net").asLong(),
                        CurrencyRules.currency(text(transaction, "currency")),
                        settledAt));
            }
        }

        // --- helpers --------------------------------------------------------------------------------------------

        /** The PaymentIntent of a refund or dispute; rendered without one (older API versions), its charge's. */
        private String intentOf(JsonNode object) {
            String intentId = idOf(object.get("payment_intent"));
            String chargeId = idOf(object.get("charge"));
            if (intentId == null && chargeId != null) {
                intentId = stripe.charge(chargeId)
                        .map(charge -> idOf(charge.get("payment_intent")))
                        .orElse(null);
            }
            return intentId;
        }

        /** The payment an object (refund, dispute) belongs to, its success recorded first when Stripe can tell. */
        private PaymentId paymentOf(JsonNode object, String intentId) {
            if (stripe.available() && intentId != null) {
                return syncIntent(intentId);
            }
            String ours = text(object.path("metadata"), "paymentId");
            if (ours != null && PaymentId.isValid(ours)) {
                return PaymentId.of(ours);
            }
            if (intentId == null) {
                throw new IllegalStateException("no payment for " + text(object, "id"));
            }
            return importedPaymentId(intentId);
        }

        private ProviderDetails chargeDetails(JsonNode charge, boolean fetched) {
            if (charge == null || charge.isNull()) {
                return new ProviderDetails(null, null, fetched ? Stripe.API_VERSION : event.apiVersion());
            }
            String balanceTransaction = charge.isObject() ? idOf(charge.get("balance_transaction")) : null;
            return new ProviderDetails(
                    idOf(charge), balanceTransaction, fetched ? Stripe.API_VERSION : event.apiVersion());
        }

        private String version() {
            return stripe.available() ? Stripe.API_VERSION : event.apiVersion();
        }

        private void send(PaymentCommand command) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(
                            "correlationId",
                            event.id(),
                            "causationId",
                            event.id(),
                            "actor",
                            "stripe",
                            "source",
                            "webhook")));
        }
    }

    /** The ledger's id for a PaymentIntent it never created: derived from Stripe's id, so every import agrees. */
    static PaymentId importedPaymentId(String intentId) {
        return PaymentId.of(PaymentId.PREFIX + alphanumeric(intentId));
    }

    /** The ledger's id for a refund it never asked for: derived from Stripe's id likewise. */
    static RefundId importedRefundId(String stripeRefundId) {
        return RefundId.of(RefundId.PREFIX + alphanumeric(stripeRefundId));
    }

    private static String alphanumeric(String stripeId) {
        if (stripeId == null) {
            throw new IllegalStateException("a Stripe object without an id");
        }
        return stripeId.replaceAll("[^A-Za-z0-9]", "");
    }

    /** A string field, or null when absent or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    /** The id of an expandable field: the string itself, or the expanded object's {@code id}. */
    static String idOf(JsonNode field) {
        if (field == null || field.isNull()) {
            return null;
        }
        if (field.isString()) {
            return field.stringValue();
        }
        return text(field, "id");
    }

    private static Map<String, String> metadata(JsonNode object) {
        Map<String, String> metadata = new LinkedHashMap<>();
        object.path("metadata").properties().forEach(entry -> {
            if (entry.getValue().isString()) {
                metadata.put(entry.getKey(), entry.getValue().stringValue());
            }
        });
        return metadata;
    }
}
