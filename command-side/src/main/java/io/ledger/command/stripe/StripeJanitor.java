package io.ledger.command.stripe;

import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentCommand;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RecordPaymentCanceledCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentProcessingCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.payment.RecordRefundFailedCommand;
import io.ledger.api.payment.RecordRefundSucceededCommand;
import io.ledger.command.metadata.CommandMetadata;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.RefundOutcome;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles what Stripe has not told us yet, Kill Bill style: Stripe payments left pending, processing or requiring
 * action, and refunds left pending, once their next check is due ({@link Backoff}). It asks Stripe where the
 * PaymentIntent or Refund stands and sends the command that brings the ledger in line, with metadata
 * {@code source=janitor}. A confirm or refund whose answer never came (Stripe unreachable after retries, or a crash
 * between Stripe's answer and our append) is sent again with the same idempotency key, which Stripe answers with the
 * first outcome instead of charging or refunding twice. Each row is worked in its own transaction under a row lock
 * taken with {@code SKIP LOCKED}, so two instances never work the same row.
 */
class StripeJanitor {

    private static final Logger log = LoggerFactory.getLogger(StripeJanitor.class);
    private static final Map<String, String> METADATA =
            Map.of(CommandMetadata.SOURCE, "janitor", CommandMetadata.ACTOR, "janitor");

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final CommandGateway commands;
    private final StripePaymentProvider stripe;
    private final Backoff backoff;
    private final Clock clock;
    private final int batchSize;

    StripeJanitor(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            CommandGateway commands,
            StripePaymentProvider stripe,
            Backoff backoff,
            Clock clock,
            int batchSize) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.commands = commands;
        this.stripe = stripe;
        this.backoff = backoff;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** A row of the work list: which table, its id, when it was due and how often it was looked at. */
    sealed interface Watch permits PaymentWatch, RefundWatch {
        String table();

        String keyColumn();

        String id();

        Instant nextCheckAt();

        int checks();
    }

    record PaymentWatch(
            String paymentId,
            String providerPaymentId,
            String status,
            String paymentMethod,
            int chargeAttempts,
            Instant nextCheckAt,
            int checks)
            implements Watch {

        @Override
        public String table() {
            return "stripe_payment_watch";
        }

        @Override
        public String keyColumn() {
            return "payment_id";
        }

        @Override
        public String id() {
            return paymentId;
        }
    }

    record RefundWatch(
            String refundId,
            String paymentId,
            String providerPaymentId,
            String providerRefundId,
            Money amount,
            String reason,
            Instant nextCheckAt,
            int checks)
            implements Watch {

        @Override
        public String table() {
            return "stripe_refund_watch";
        }

        @Override
        public String keyColumn() {
            return "refund_id";
        }

        @Override
        public String id() {
            return refundId;
        }
    }

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
        return settleNext(this::duePayment, this::settle);
    }

    boolean settleNextRefund() {
        return settleNext(this::dueRefund, this::settle);
    }

    /**
     * Works the most overdue row, if any is due (false when none is), in one transaction with its row lock. When the
     * work fails (Stripe unreachable, a command refused) the transaction rolls back and the row moves to its next
     * check in a transaction of its own.
     */
    private <W extends Watch> boolean settleNext(Supplier<Optional<W>> due, Consumer<W> settle) {
        AtomicReference<W> failed = new AtomicReference<>();
        Boolean worked = transaction.execute(tx -> {
            Optional<W> next = due.get();
            next.ifPresent(watch -> {
                try {
                    settle.accept(watch);
                    checkedWithoutNews(watch);
                } catch (RuntimeException e) {
                    log.warn("janitor could not settle {}: {}", watch.id(), e.toString());
                    tx.setRollbackOnly();
                    failed.set(watch);
                }
            });
            return next.isPresent();
        });
        Optional.ofNullable(failed.get())
                .ifPresent(watch -> transaction.executeWithoutResult(tx -> checkedWithoutNews(watch)));
        return Boolean.TRUE.equals(worked);
    }

    private void settle(PaymentWatch watch) {
        PaymentId paymentId = PaymentId.of(watch.paymentId());
        PaymentIntent intent;
        try {
            intent = stripe.retrieveIntent(watch.providerPaymentId());
            if (ourConfirmNeverArrived(watch, intent)) {
                log.info(
                        "janitor: {} is processing here but {} was never confirmed at Stripe; confirming again with"
                                + " the same idempotency key",
                        watch.paymentId(),
                        intent.getId());
                intent = stripe.confirmIntent(
                        watch.paymentId(), intent.getId(), watch.paymentMethod(), watch.chargeAttempts());
            }
        } catch (CardException e) {
            ChargeOutcome.Failed declined =
                    StripePaymentProvider.declined(e.getStripeError(), e.getDeclineCode(), e.getCode());
            send(failed(paymentId, declined));
            return;
        } catch (StripeException e) {
            throw StripePaymentProvider.failed("check payment " + watch.paymentId(), e);
        }
        commandFor(paymentId, watch, intent).ifPresent(this::send);
    }

    /** What Stripe's PaymentIntent says that the ledger does not know yet. */
    private static Optional<PaymentCommand> commandFor(PaymentId paymentId, PaymentWatch watch, PaymentIntent intent) {
        boolean pending = "pending".equals(watch.status());
        return switch (String.valueOf(intent.getStatus())) {
            case "succeeded" ->
                Optional.of(new RecordPaymentSucceededCommand(
                        paymentId, intent.getId(), null, StripePaymentProvider.details(intent)));
            case "canceled" ->
                Optional.of(new RecordPaymentCanceledCommand(
                        paymentId,
                        intent.getCancellationReason() != null
                                ? intent.getCancellationReason()
                                : "canceled at Stripe"));
            case "processing" ->
                // Also over our own processing guess, which Stripe's word then confirms (a no-op otherwise).
                pending || "processing".equals(watch.status())
                        ? Optional.of(new RecordPaymentProcessingCommand(paymentId, null))
                        : Optional.empty();
            case "requires_action" ->
                // Also when we recorded processing because our confirm's answer never came: the customer must act.
                pending || "processing".equals(watch.status())
                        ? Optional.of(new RecordPaymentActionRequiredCommand(
                                paymentId,
                                null,
                                intent.getNextAction() != null
                                        ? intent.getNextAction().getType()
                                        : "unknown"))
                        : Optional.empty();
            case "requires_payment_method" -> {
                StripeError error = intent.getLastPaymentError();
                yield error == null
                        ? Optional.empty()
                        : Optional.of(failed(
                                paymentId,
                                StripePaymentProvider.declined(error, error.getDeclineCode(), error.getCode())));
            }
            default -> Optional.empty();
        };
    }

    /**
     * The ledger recorded processing because Stripe never answered our confirm, and Stripe shows no attempt: the
     * confirm is repeated with its key ({@code <paymentId>-confirm-<attempt>}).
     */
    private static boolean ourConfirmNeverArrived(PaymentWatch watch, PaymentIntent intent) {
        String status = String.valueOf(intent.getStatus());
        return "processing".equals(watch.status())
                && watch.paymentMethod() != null
                && intent.getLastPaymentError() == null
                && ("requires_payment_method".equals(status) || "requires_confirmation".equals(status));
    }

    private static RecordPaymentFailedCommand failed(PaymentId paymentId, ChargeOutcome.Failed declined) {
        return new RecordPaymentFailedCommand(
                paymentId, declined.code(), declined.declineCode(), declined.message(), null, declined.details());
    }

    private void settle(RefundWatch watch) {
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
                jdbc.sql("UPDATE stripe_refund_watch SET provider_refund_id = ? WHERE refund_id = ?")
                        .params(refund.getId(), watch.refundId())
                        .update();
            }
            RefundOutcome outcome = StripePaymentProvider.refundOutcome(refund);
            PaymentId paymentId = PaymentId.of(watch.paymentId());
            RefundId refundId = RefundId.of(watch.refundId());
            if (outcome instanceof RefundOutcome.Succeeded succeeded) {
                send(new RecordRefundSucceededCommand(
                        paymentId,
                        refundId,
                        watch.amount(),
                        watch.reason(),
                        succeeded.providerRefundId(),
                        succeeded.details()));
            } else if (outcome instanceof RefundOutcome.Failed refundFailed) {
                send(new RecordRefundFailedCommand(
                        paymentId,
                        refundId,
                        watch.amount(),
                        refundFailed.providerRefundId(),
                        refundFailed.code(),
                        refundFailed.message(),
                        refundFailed.details()));
            }
        } catch (StripeException e) {
            throw StripePaymentProvider.failed("check refund " + watch.refundId(), e);
        }
    }

    private void send(PaymentCommand command) {
        log.info("janitor: {}", command.getClass().getSimpleName() + " for " + command.paymentId());
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(METADATA));
    }

    private Optional<PaymentWatch> duePayment() {
        return jdbc.sql("""
                        SELECT payment_id, provider_payment_id, status, payment_method, charge_attempts,
                               next_check_at, checks
                          FROM stripe_payment_watch
                         WHERE next_check_at <= ?
                         ORDER BY next_check_at
                         LIMIT 1
                           FOR UPDATE SKIP LOCKED
                        """)
                .param(Timestamp.from(clock.instant()))
                .query((rs, row) -> new PaymentWatch(
                        rs.getString("payment_id"),
                        rs.getString("provider_payment_id"),
                        rs.getString("status"),
                        rs.getString("payment_method"),
                        rs.getInt("charge_attempts"),
                        rs.getTimestamp("next_check_at").toInstant(),
                        rs.getInt("checks")))
                .optional();
    }

    private Optional<RefundWatch> dueRefund() {
        return jdbc.sql("""
                        SELECT refund_id, payment_id, provider_payment_id, provider_refund_id, amount, currency, reason,
                               next_check_at, checks
                          FROM stripe_refund_watch
                         WHERE next_check_at <= ?
                         ORDER BY next_check_at
                         LIMIT 1
                           FOR UPDATE SKIP LOCKED
                        """)
                .param(Timestamp.from(clock.instant()))
                .query((rs, row) -> new RefundWatch(
                        rs.getString("refund_id"),
                        rs.getString("payment_id"),
                        rs.getString("provider_payment_id"),
                        rs.getString("provider_refund_id"),
                        Money.of(rs.getLong("amount"), rs.getString("currency")),
                        rs.getString("reason"),
                        rs.getTimestamp("next_check_at").toInstant(),
                        rs.getInt("checks")))
                .optional();
    }

    /**
     * Schedules the next look when this one changed nothing: the row still has the check time it was claimed with
     * (an event that began or ended a wait would have reset or cleared it).
     */
    private void checkedWithoutNews(Watch watch) {
        jdbc.sql("UPDATE " + watch.table() + " SET checks = checks + 1, next_check_at = ? WHERE " + watch.keyColumn()
                        + " = ? AND next_check_at = ?")
                .params(
                        Timestamp.from(backoff.next(clock.instant(), watch.checks() + 1)),
                        watch.id(),
                        Timestamp.from(watch.nextCheckAt()))
                .update();
    }
}
