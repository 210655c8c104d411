package io.ledger.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledger.api.id.RefundId;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.payment.FailPaymentCommand;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentArchived;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.PaymentUpdated;
import io.ledger.api.payment.PaymentUpdated.AmountChange;
import io.ledger.api.payment.PaymentUpdated.TextChange;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RecordPaymentCanceledCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentProcessingCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.payment.RecordProcessingSucceededCommand;
import io.ledger.api.payment.RecordRefundFailedCommand;
import io.ledger.api.payment.RecordRefundSucceededCommand;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.UpdatePaymentCommand;
import io.ledger.command.provider.AmountChangeRequest;
import io.ledger.command.provider.CancelRequest;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A payment's decisions: charged (perhaps after customer action or asynchronous processing, perhaps failing and
 * retried), updated, canceled and archived, refunded in parts, reconciled with the provider's settlement, disputed.
 * Which move each state allows is {@link PaymentMove}'s table; refunds, settlements and disputes keep their own rules.
 * Moves that need the provider are split in two: a {@code prepare...} method decides whether the move happens, {@link
 * PaymentCommandHandler} calls the provider, and a {@code record...} method applies the outcome. Only what decisions
 * need is kept here; the payment resource is folded from the events ({@link PaymentResources}).
 */
@Aggregate(commandTargetResolver = "paymentCommandTargetResolver")
class Payment extends EventSourcedPayment {

    protected Payment() {
        // for Axon
    }

    Payment(PaymentCreated created) {
        CurrencyRules.checkChargeAmount(created.amount());
        apply(created);
    }

    /**
     * A payment that exists at the provider but was never created here: created as it stands there. Axon creates the
     * aggregate only when it is missing, so a second import of the same id finds the payment and changes nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ImportPaymentCommand command) {
        if (id == null) {
            CurrencyRules.checkAmount(command.amount());
            apply(new PaymentCreated(
                    command.paymentId(),
                    command.amount(),
                    command.customerId(),
                    command.orderId(),
                    command.description(),
                    command.metadata(),
                    command.provider(),
                    command.providerPaymentId(),
                    command.paymentMethod()));
        }
    }

    /**
     * A create for a payment that exists already: an earlier attempt with the same Idempotency-Key (whose answer was
     * lost) created it. It is answered as that attempt would have been, with nothing new, when it asks for the same
     * payment; a create asking for another one reused the key. Whether the first asked to confirm is not told by the
     * events, and a retry does not charge again either way.
     */
    void checkRetriedCreate(CreatePaymentCommand command) {
        boolean same = created.amount().equals(command.amount())
                && created.customerId().equals(command.customerId())
                && Objects.equals(created.orderId(), command.orderId())
                && Objects.equals(created.description(), command.description())
                && created.metadata().equals(command.metadata())
                && Objects.equals(created.paymentMethod(), command.paymentMethod());
        if (!same) {
            throw new RetriedCreateDiffers(id);
        }
    }

    /**
     * A caller confined to one customer's payments ({@code onlyCustomer}; null: any payment) is told that another
     * customer's payment does not exist, before any other rule could tell otherwise.
     */
    private void visibleTo(String onlyCustomer) {
        if (onlyCustomer != null && !onlyCustomer.equals(customerId)) {
            throw new AnotherCustomersPayment(id.value());
        }
    }

    /** Whether the move changes anything from here; an illegal one is refused. */
    private boolean takes(PaymentMove move) {
        return switch (move.from(state)) {
            case ALLOWED -> true;
            case NO_OP -> false;
            case ILLEGAL -> throw new IllegalPaymentTransition(id, state.status(), move.verb());
        };
    }

    // --- charging -------------------------------------------------------------------------------------------------

    /**
     * The charge to send to the provider, or empty when the payment is charged or being charged already.
     *
     * @param onlyCustomer the customer whose payments alone the caller may charge; null: any
     */
    Optional<ChargeRequest> prepareCharge(String requestedMethod, String onlyCustomer) {
        visibleTo(onlyCustomer);
        if (!takes(PaymentMove.CONFIRM)) {
            return Optional.empty();
        }
        String method = reportedOrLast(requestedMethod);
        if (method == null) {
            throw new PaymentMethodRequired();
        }
        boolean customerActed = state == PaymentState.REQUIRES_ACTION;
        return Optional.of(new ChargeRequest(id, providerPaymentId, amount, method, chargeAttempts + 1, customerActed));
    }

    void recordCharge(ChargeRequest charge, ChargeOutcome outcome) {
        apply(ChargeOutcomes.fact(charge, outcome));
    }

    /**
     * The provider's payment that captured the money is the one recorded: Stripe Checkout charges a PaymentIntent of
     * its own, not the one made when the payment was created, and refunds must go to the one that was charged.
     */
    @CommandHandler
    void handle(RecordPaymentSucceededCommand command) {
        if (takes(PaymentMove.RECORD_SUCCESS)) {
            String method = reportedOrLast(command.paymentMethod());
            String charged = command.providerPaymentId() != null ? command.providerPaymentId() : providerPaymentId;
            apply(new PaymentSucceeded(id, amount, charged, method, command.details()));
        }
    }

    /**
     * Only while the named attempt is still processing; otherwise it is news about an attempt that is over (no event):
     * its completion may be delivered late or twice, from any node, whatever happened to the payment meanwhile.
     */
    @CommandHandler
    void handle(RecordProcessingSucceededCommand command) {
        boolean attemptUnderWay =
                state == PaymentState.PROCESSING && (command.attempt() == null || command.attempt() == chargeAttempts);
        if (attemptUnderWay && takes(PaymentMove.RECORD_SUCCESS)) {
            apply(new PaymentSucceeded(id, amount, providerPaymentId, paymentMethod, ProviderDetails.NONE));
        }
    }

    @CommandHandler
    void handle(RecordPaymentProcessingCommand command) {
        if (takes(PaymentMove.RECORD_PROCESSING)) {
            apply(new PaymentProcessingStarted(id, providerPaymentId, command.paymentMethod()));
        }
    }

    @CommandHandler
    void handle(RecordPaymentActionRequiredCommand command) {
        if (takes(PaymentMove.RECORD_ACTION_REQUIRED)) {
            apply(new PaymentActionRequired(id, providerPaymentId, command.paymentMethod(), command.nextAction()));
        }
    }

    @CommandHandler
    void handle(RecordPaymentFailedCommand command) {
        if (takes(PaymentMove.RECORD_FAILURE)) {
            String method = reportedOrLast(command.paymentMethod());
            apply(new PaymentFailed(
                    id,
                    amount,
                    command.code(),
                    command.message(),
                    providerPaymentId,
                    method,
                    command.declineCode(),
                    command.details()));
        }
    }

    @CommandHandler
    void handle(FailPaymentCommand command) {
        if (takes(PaymentMove.FAIL)) {
            apply(new PaymentFailed(
                    id, amount, command.code(), command.message(), providerPaymentId, paymentMethod, null, null));
        }
    }

    /** The customer whose default method a confirmation naming none charges: only while the payment knows none. */
    Optional<String> customerToChargeByDefault() {
        return paymentMethod == null ? Optional.ofNullable(customerId) : Optional.empty();
    }

    private String reportedOrLast(String reported) {
        return reported != null ? reported : paymentMethod;
    }

    // --- canceling ------------------------------------------------------------------------------------------------

    /**
     * The cancellation to send to the provider, or empty when the payment is canceled already.
     *
     * @param onlyCustomer the customer whose payments alone the caller may cancel; null: any
     */
    Optional<CancelRequest> prepareCancel(String reason, String onlyCustomer) {
        visibleTo(onlyCustomer);
        return takes(PaymentMove.CANCEL)
                ? Optional.of(new CancelRequest(id, providerPaymentId, reason))
                : Optional.empty();
    }

    void recordCancel(CancelRequest cancel) {
        apply(new PaymentCanceled(id, cancel.reason()));
    }

    @CommandHandler
    void handle(RecordPaymentCanceledCommand command) {
        if (takes(PaymentMove.RECORD_CANCELLATION)) {
            apply(new PaymentCanceled(id, command.reason()));
        }
    }

    // --- updating -------------------------------------------------------------------------------------------------

    /**
     * What the update changes, or empty when it changes nothing (a repeat, in any state, archived or not). The changed
     * values must be valid (an amount the currency can charge; at most 50 metadata keys after the merge) before the
     * state is asked: an archived payment takes no update, and only a pending one a new amount.
     */
    Optional<PreparedUpdate> prepareUpdate(UpdatePaymentCommand command) {
        PaymentUpdated changes = changesOf(command);
        if (changes.changesNothing()) {
            return Optional.empty();
        }
        if (changes.amount() != null) {
            CurrencyRules.checkChargeAmount(changes.amount().to());
        }
        int keys = changes.metadataAfter(metadata).size();
        if (keys > TooManyMetadataKeys.MAX_KEYS) {
            throw new TooManyMetadataKeys(keys);
        }
        if (archived) {
            throw new ArchivedPaymentIsFinal(id, PaymentMove.UPDATE.verb());
        }
        takes(PaymentMove.UPDATE);
        if (changes.amount() == null) {
            return Optional.of(new PreparedUpdate(changes, Optional.empty()));
        }
        takes(PaymentMove.UPDATE_AMOUNT);
        return Optional.of(new PreparedUpdate(
                changes,
                Optional.of(new AmountChangeRequest(
                        id, providerPaymentId, changes.amount().to(), amountChanges + 1))));
    }

    void recordUpdate(PreparedUpdate update) {
        apply(update.fact());
    }

    /** The command's differences from the payment as it stands: an empty text clears, an empty metadata value removes. */
    private PaymentUpdated changesOf(UpdatePaymentCommand command) {
        AmountChange amountChange = null;
        if (command.amount() != null && command.amount() != amount.minor()) {
            amountChange = new AmountChange(amount, new Money(command.amount(), amount.currency()));
        }
        Map<String, TextChange> metadataChanges = new LinkedHashMap<>();
        command.metadata().forEach((key, value) -> {
            String before = metadata.get(key);
            String after = value.isEmpty() ? null : value;
            if (!Objects.equals(before, after)) {
                metadataChanges.put(key, new TextChange(before, after));
            }
        });
        return new PaymentUpdated(
                id,
                amountChange,
                textChange(description, command.description()),
                textChange(orderId, command.orderId()),
                metadataChanges);
    }

    /** Null when the text is not given or stays the same; an empty text clears it. */
    private static TextChange textChange(String before, String given) {
        if (given == null) {
            return null;
        }
        String after = given.isEmpty() ? null : given;
        return Objects.equals(before, after) ? null : new TextChange(before, after);
    }

    // --- archiving ------------------------------------------------------------------------------------------------

    /**
     * The archive to record, canceling at the provider first unless the payment is canceled already; empty when it is
     * archived already. A captured payment (or one being charged) cannot be archived: refund it instead.
     */
    Optional<PreparedArchive> prepareArchive() {
        if (archived || !takes(PaymentMove.ARCHIVE)) {
            return Optional.empty();
        }
        return Optional.of(new PreparedArchive(
                state == PaymentState.CANCELED
                        ? Optional.empty()
                        : Optional.of(new CancelRequest(id, providerPaymentId, null))));
    }

    void recordArchive(PreparedArchive archive) {
        archive.cancel().ifPresent(this::recordCancel);
        apply(new PaymentArchived(id));
    }

    // --- refunding ------------------------------------------------------------------------------------------------

    /** The refund to send to the provider, or empty when this refund id was seen before. */
    Optional<RefundRequest> prepareRefund(RefundPaymentCommand command) {
        if (refunds.contains(command.refundId()) || !takes(PaymentMove.REFUND)) {
            return Optional.empty();
        }
        return Optional.of(refunds.request(id, command, providerPaymentId));
    }

    void recordRefund(RefundRequest refund, RefundOutcome outcome) {
        refunds.answered(refund, outcome).forEach(AggregateLifecycle::apply);
    }

    /** A refund settled already stays as it is (a failed refund stays failed). */
    @CommandHandler
    void handle(RecordRefundSucceededCommand command) {
        if (pending(command.refundId(), command.amount(), command.reason(), command.providerRefundId())) {
            apply(refunds.paid(id, command.refundId(), command.providerRefundId(), command.details()));
        }
    }

    @CommandHandler
    void handle(RecordRefundFailedCommand command) {
        if (pending(command.refundId(), command.amount(), null, command.providerRefundId())) {
            apply(refunds.failed(
                    id,
                    command.refundId(),
                    command.code(),
                    command.message(),
                    command.providerRefundId(),
                    command.details()));
        }
    }

    /** Whether the refund is pending; one the ledger never asked for (made at the provider) is requested first. */
    private boolean pending(RefundId refundId, Money reported, String reason, String providerRefundId) {
        if (!refunds.contains(refundId) && takes(PaymentMove.RECORD_REFUND)) {
            apply(refunds.madeAtTheProvider(id, refundId, reported, reason, providerRefundId));
        }
        return refunds.get(refundId).isPending();
    }

    // --- reconciling and disputes ---------------------------------------------------------------------------------

    @CommandHandler
    void handle(ReconcilePaymentCommand command) {
        if (settlements.saw(command.settlementId()) || !takes(PaymentMove.RECONCILE)) {
            return;
        }
        if (!settlements.open()) {
            throw new IllegalPaymentTransition(id, state.status(), PaymentMove.RECONCILE.verb());
        }
        apply(Settlement.reported(command, amount.currency()).fact(id, amount));
    }

    @CommandHandler
    void handle(RecordDisputeOpenedCommand command) {
        opened(command.disputeId(), command.amount(), command.fee(), command.reason());
    }

    @CommandHandler
    void handle(RecordDisputeClosedCommand command) {
        // When the opening's news never came (or comes later), the closing tells what was withdrawn.
        opened(command.disputeId(), command.amount(), command.fee(), command.reason());
        Dispute dispute = disputes.get(command.disputeId());
        if (!dispute.closed()) {
            apply(dispute.decided(id, command.disputeId(), command.won(), command.feeReturned()));
        }
    }

    /** Records the dispute's opening unless it is known already. */
    private void opened(String disputeId, Money disputed, Money fee, String reason) {
        if (!disputes.knows(disputeId) && takes(PaymentMove.RECORD_DISPUTE)) {
            apply(Dispute.opened(id, disputeId, disputed, fee, reason, amount.currency()));
        }
    }
}
