package io.ledger.command.stripe;

import com.stripe.Stripe;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.metadata.Source;
import io.ledger.api.payment.PaymentCommand;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Settles what Stripe has not told us yet, Kill Bill style: Stripe payments left pending, processing or requiring
 * action, and refunds left pending, once their next check is due ({@link JanitorSettings#backoff()}). It asks Stripe where the
 * PaymentIntent or Refund stands and sends what {@link StripeReports} and {@link ReportCommands} make of it, as for a
 * webhook, with metadata {@code source=janitor}. A confirm or refund whose answer never came (Stripe unreachable after
 * retries, or a crash between Stripe's answer and our append) is sent again with the same idempotency key, which Stripe
 * answers with the first outcome instead of charging or refunding twice. Each row is claimed with a lease ({@link
 * Watches}), so two instances never work the same row at once and neither waits for the other; no transaction is held
 * while Stripe answers. The commands sent are the provider's facts, each its own unit of work and transaction,
 * wherever it is handled: the payment ignores a fact it already has, so a command sent again (a claim whose lease ran
 * out before its command's answer, an instance that died after the command committed) records nothing new.
 */
class StripeJanitor {

    private static final Logger log = LoggerFactory.getLogger(StripeJanitor.class);
    private static final Map<String, String> METADATA =
            Map.of(EventMetadata.SOURCE, Source.JANITOR.wire(), EventMetadata.ACTOR, EventMetadata.Actors.JANITOR);
    private static final Set<String> UNCONFIRMED = Set.of("requires_payment_method", "requires_confirmation");
    /** Stripe answers in the version the client pins unless its answer says otherwise. */
    private static final String API_VERSION = Stripe.API_VERSION;

    private final Watches watches;
    private final CommandGateway commands;
    private final StripeApi stripe;
    private final int batchSize;

    StripeJanitor(Watches watches, CommandGateway commands, StripeApi stripe, int batchSize) {
        this.watches = watches;
        this.commands = commands;
        this.stripe = stripe;
        this.batchSize = batchSize;
    }

    /** Every {@link JanitorSettings#pollInterval()}, first after one: the same property, the same default. */
    @Scheduled(
            initialDelayString = "${ledger.janitor.poll-interval:PT30S}",
            fixedDelayString = "${ledger.janitor.poll-interval:PT30S}")
    void run() {
        for (int i = 0; i < batchSize && settleNextPayment(); i++) {
            // one due payment per transaction
        }
        for (int i = 0; i < batchSize && settleNextRefund(); i++) {
            // one due refund per transaction
        }
    }

    boolean settleNextPayment() {
        return settleNext(watches::claimDuePayment, this::settle);
    }

    boolean settleNextRefund() {
        return settleNext(watches::claimDueRefund, this::settle);
    }

    /**
     * Claims the most overdue row, if any is due (false when none is), and works it: Stripe's answer and the command it
     * leads to. Whether that changed the row (its events reset or cleared the check) or not (nothing new, Stripe
     * unreachable, a command refused: the next check follows the backoff), the claim then ends.
     */
    private <W extends Watch> boolean settleNext(Supplier<Optional<W>> claim, Consumer<W> settle) {
        Optional<W> next = claim.get();
        next.ifPresent(watch -> {
            try {
                settle.accept(watch);
            } catch (RuntimeException e) {
                log.warn("janitor could not settle {}: {}", watch.id(), e.toString());
            }
            watches.checkedWithoutNews(watch);
        });
        return next.isPresent();
    }

    private void settle(Watch.PaymentWatch watch) {
        PaymentId paymentId = PaymentId.of(watch.paymentId());
        try {
            IntentReport intent = StripeReports.intent(stripe.retrieveIntent(watch.providerPaymentId()), API_VERSION);
            if (ourConfirmNeverArrived(watch, intent.charge())) {
                log.info(
                        "janitor: {} is processing here but {} was never confirmed at Stripe; confirming again with"
                                + " the same idempotency key",
                        watch.paymentId(),
                        intent.intentId());
                intent = StripeReports.intent(
                        stripe.confirmIntent(
                                watch.paymentId(), intent.intentId(), watch.paymentMethod(), watch.chargeAttempts()),
                        API_VERSION);
            }
            ReportCommands.charge(paymentId, intent.intentId(), intent.paymentMethod(), intent.charge())
                    .ifPresent(this::send);
        } catch (CardException e) {
            ReportCommands.charge(
                            paymentId, watch.providerPaymentId(), watch.paymentMethod(), StripeReports.declined(e))
                    .ifPresent(this::send);
        } catch (StripeException e) {
            throw StripeRequestFailed.refused("check payment " + watch.paymentId(), e);
        }
    }

    /**
     * The ledger recorded processing because Stripe never answered our confirm, and Stripe shows no attempt (asks for
     * a payment method without an error, or for confirmation): the confirm is repeated with its key
     * ({@code <paymentId>-confirm-<attempt>}).
     */
    private static boolean ourConfirmNeverArrived(Watch.PaymentWatch watch, ChargeReport charge) {
        return "processing".equals(watch.status())
                && watch.paymentMethod() != null
                && charge instanceof ChargeReport.NotAttempted notAttempted
                && UNCONFIRMED.contains(notAttempted.status());
    }

    private void settle(Watch.RefundWatch watch) {
        try {
            Refund refund;
            if (watch.providerRefundId() != null) {
                refund = stripe.retrieveRefund(watch.providerRefundId());
            } else {
                // Stripe's answer to our refund never came. Its refunds carry our refund id in their metadata: look for
                // ours first (idempotency keys expire after 24 hours), else ask again with the same key and
                // parameters, which makes the refund if the first request never arrived.
                Optional<Refund> known = stripe.findRefund(watch.providerPaymentId(), watch.refundId());
                refund = known.isPresent()
                        ? known.get()
                        : stripe.createRefund(
                                watch.paymentId(),
                                watch.refundId(),
                                watch.providerPaymentId(),
                                watch.amount(),
                                watch.reason());
                // The answer in hand is as fresh as a retrieve would be; the id is kept for the next look.
                watches.rememberProviderRefund(watch.refundId(), refund.getId());
            }
            ReportCommands.refund(
                            PaymentId.of(watch.paymentId()),
                            RefundId.of(watch.refundId()),
                            StripeReports.refund(refund, API_VERSION))
                    .ifPresent(this::send);
        } catch (StripeException e) {
            throw StripeRequestFailed.refused("check refund " + watch.refundId(), e);
        }
    }

    private void send(PaymentCommand command) {
        log.info("janitor: {}", command.getClass().getSimpleName() + " for " + command.paymentId());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(METADATA));
    }
}
