package io.ledger.command.checkout;

import io.ledger.api.id.PaymentId;
import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.metadata.Source;
import io.ledger.api.payment.CancelPaymentCommand;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ProblemCode;
import io.ledger.command.checkout.CheckoutSessions.Claim;
import io.ledger.command.payment.PaymentResources;
import io.ledger.command.provider.HostedCheckout;
import io.ledger.command.provider.HostedCheckout.CheckoutExpiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Expires the checkout sessions whose time is up, and cancels their payments, as Stripe does with an expired session's
 * PaymentIntent; the events say so: {@code source=janitor}, {@code actor=janitor}, reason
 * {@value #REASON}. Several instances (nodes) may run it at once:
 *
 * <ul>
 *   <li>due sessions are claimed with a lease, in one statement that skips rows another instance is claiming ({@code
 *       FOR UPDATE SKIP LOCKED}) and moves their lease to its end: no other instance takes them meanwhile, none waits
 *       for another, and no lock is held while the provider and the payment are told;
 *   <li>a session whose payment was paid meanwhile is complete, not expired; otherwise the provider closes its page
 *       (Stripe: {@code POST /v1/checkout/sessions/{id}/expire}; a session the customer completed at the last moment is
 *       complete, and its webhooks bring the payment), and the payment is canceled by a {@link CancelPaymentCommand},
 *       in a unit of work and transaction of its own, on whichever node (canceling twice changes nothing);
 *   <li>then the row is marked, if it still carries this claim. Anything that failed leaves the row claimed, due again
 *       when the lease ends.
 * </ul>
 *
 * Runs every {@code ledger.checkout.poll-interval}.
 */
class CheckoutExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(CheckoutExpiryJob.class);
    static final String REASON = "checkout_session_expired";
    static final Map<String, String> METADATA =
            Map.of(EventMetadata.SOURCE, Source.JANITOR.wire(), EventMetadata.ACTOR, EventMetadata.Actors.JANITOR);
    static final int BATCH = 100;

    private final CheckoutSessions sessions;
    private final HostedCheckout hosted;
    private final PaymentResources payments;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration lease;

    CheckoutExpiryJob(
            CheckoutSessions sessions,
            HostedCheckout hosted,
            PaymentResources payments,
            CommandGateway commands,
            Clock clock,
            Duration lease) {
        this.sessions = sessions;
        this.hosted = hosted;
        this.payments = payments;
        this.commands = commands;
        this.clock = clock;
        this.lease = lease;
    }

    /** Every {@link CheckoutSettings#pollInterval()}: the same property, the same default. */
    @Scheduled(fixedDelayString = "${ledger.checkout.poll-interval:PT10S}")
    void scheduled() {
        int claimed;
        do {
            claimed = expireDue();
        } while (claimed == BATCH);
    }

    /** Claims up to {@value #BATCH} due sessions and ends each; how many this instance claimed. */
    int expireDue() {
        Instant now = clock.instant();
        List<Claim> claimed = sessions.claimDue(now, now.plus(lease), BATCH);
        claimed.forEach(this::end);
        return claimed.size();
    }

    void end(Claim claim) {
        try {
            sessions.finish(claim, outcome(claim));
        } catch (RuntimeException e) {
            // The row stays claimed, due again when the lease ends.
            log.warn("expiring checkout session of {} failed, will retry: {}", claim.paymentId(), e.toString());
        }
    }

    private String outcome(Claim claim) {
        if (paid(claim)) {
            return CheckoutSessions.COMPLETE;
        }
        if (hosted.expire(PaymentId.of(claim.paymentId()), claim.providerSessionId()) == CheckoutExpiry.COMPLETE) {
            return CheckoutSessions.COMPLETE;
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new CancelPaymentCommand(PaymentId.of(claim.paymentId()), REASON, null))
                    .andMetaData(METADATA));
        } catch (LedgerProblem e) {
            if (e.code() != ProblemCode.INVALID_STATE_TRANSITION) {
                throw e;
            }
            // Paid (or being paid) after all: the payment cannot be canceled any more.
            return paid(claim) ? CheckoutSessions.COMPLETE : CheckoutSessions.EXPIRED;
        }
        return CheckoutSessions.EXPIRED;
    }

    private boolean paid(Claim claim) {
        PaymentStatus status = payments.payment(claim.paymentId()).status();
        return Checkout.paid(status);
    }
}
