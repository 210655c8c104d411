package io.ledger.command.stripe;

import io.ledger.api.provider.SyncOutcome;
import io.ledger.api.provider.SyncStripeObjectCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Handles webhook ingest's {@link SyncStripeObjectCommand}: brings the payments the named Stripe object concerns to
 * the state Stripe reports now (state-based, so events delivered late, twice or out of order converge on one ledger).
 * Present with or without a Stripe key; without one the event's own object is all there is to go by. The commands it
 * sends are nested in this one's unit of work: they join its transaction (the inbox worker's) and carry its metadata
 * (correlation and causation = the Stripe event id, {@code actor=stripe}, {@code source=webhook}). On several nodes a
 * command for a payment another node owns runs there, in a transaction of its own, with the same metadata; should this
 * sync fail after it, the redelivered sync sends it again and it records nothing new.
 */
class StripeObjectSync {

    private final StripeReads stripe;
    private final CommandGateway commands;

    StripeObjectSync(StripeReads stripe, CommandGateway commands) {
        this.stripe = stripe;
        this.commands = commands;
    }

    @CommandHandler
    SyncOutcome handle(SyncStripeObjectCommand command) {
        EventSync sync = new EventSync(command, stripe, commands);
        switch (command.eventType()) {
            case "payment_intent.created",
                    "payment_intent.succeeded",
                    "payment_intent.payment_failed",
                    "payment_intent.canceled",
                    "payment_intent.processing",
                    "payment_intent.requires_action" -> sync.paymentIntent();
            case "checkout.session.completed",
                    "checkout.session.async_payment_succeeded",
                    "checkout.session.async_payment_failed" -> {
                if (!sync.checkoutSession()) {
                    return SyncOutcome.IGNORED;
                }
            }
            case "charge.refunded" -> sync.chargeRefunded();
            case "charge.refund.updated", "refund.created", "refund.updated", "refund.failed" -> sync.refund();
            case "charge.dispute.created",
                    "charge.dispute.updated",
                    "charge.dispute.closed",
                    "charge.dispute.funds_withdrawn",
                    "charge.dispute.funds_reinstated" -> sync.dispute();
            case "payout.paid" -> sync.payout();
            default -> {
                return SyncOutcome.IGNORED;
            }
        }
        return SyncOutcome.PROCESSED;
    }
}
