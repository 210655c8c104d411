package io.ledger.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.CreatePaymentCommand;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.FailPaymentCommand;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentCanceled;
import io.ledger.api.payment.PaymentCreated;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.api.payment.PaymentView;
import io.ledger.api.payment.Provider;
import io.ledger.api.payment.ReconcilePaymentCommand;
import io.ledger.api.payment.ReconciliationStatus;
import io.ledger.api.payment.RecordDisputeClosedCommand;
import io.ledger.api.payment.RecordDisputeOpenedCommand;
import io.ledger.api.payment.RecordPaymentActionRequiredCommand;
import io.ledger.api.payment.RecordPaymentCanceledCommand;
import io.ledger.api.payment.RecordPaymentFailedCommand;
import io.ledger.api.payment.RecordPaymentProcessingCommand;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import io.ledger.api.payment.RecordRefundFailedCommand;
import io.ledger.api.payment.RecordRefundSucceededCommand;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.api.payment.RefundView;
import io.ledger.command.provider.CancelRequest;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;
import io.ledger.command.provider.ProviderPayment;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A payment's life: created, charged (perhaps after customer action or asynchronous processing, perhaps failing and
 * retried), canceled, refunded in parts, reconciled with the provider's settlement. Moves that need the provider are
 * split in two: a {@code prepare...} method decides whether the move may happen, {@link PaymentCommandHandler} calls the
 * provider, and a {@code record...} method applies the outcome. Repeated moves are no-ops.
 */
@Aggregate(commandTargetResolver = "paymentCommandTargetResolver")
class Payment {

    private static final Set<PaymentStatus> CONFIRMABLE =
            Set.of(PaymentStatus.PENDING, PaymentStatus.FAILED, PaymentStatus.REQUIRES_ACTION);
    private static final Set<PaymentStatus> CANCELABLE =
            Set.of(PaymentStatus.PENDING, PaymentStatus.FAILED, PaymentStatus.REQUIRES_ACTION);
    private static final Set<PaymentStatus> AWAITING_OUTCOME = Set.of(
            PaymentStatus.PENDING, PaymentStatus.PROCESSING, PaymentStatus.REQUIRES_ACTION, PaymentStatus.FAILED);

    @AggregateIdentifier
    private PaymentId id;

    private PaymentStatus status;
    /** Whether the current processing is our guess (the provider could not be reached), not the provider's word. */
    private boolean processingGuessed;

    private Money amount;
    private String customerId;
    private String orderId;
    private String description;
    private Map<String, String> metadata;
    private Provider provider;
    private String providerPaymentId;
    private String paymentMethod;
    private PaymentView.FailureView failure;
    private int chargeAttempts;
    private final Map<RefundId, RefundView> refunds = new LinkedHashMap<>();
    private PaymentView.ReconciliationView reconciliation = PaymentView.ReconciliationView.UNRECONCILED;
    private final Set<String> settlementIds = new HashSet<>();
    private final Map<String, DisputeState> disputes = new LinkedHashMap<>();
    private Instant createdAt;
    private Instant updatedAt;
    private long version;

    protected Payment() {
        // for Axon
    }

    Payment(CreatePaymentCommand command, Provider provider, ProviderPayment providerPayment) {
        CurrencyRules.checkChargeAmount(command.amount());
        apply(new PaymentCreated(
                command.paymentId(),
                command.amount(),
                command.customerId(),
                command.orderId(),
                command.description(),
                command.metadata(),
                provider,
                providerPayment.providerPaymentId(),
                command.paymentMethod()));
    }

    /**
     * A payment that exists at the provider but was never created here: created as it stands there. Axon creates the
     * aggregate only when it is missing, so a second import of the same id finds the payment and changes nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentView handle(ImportPaymentCommand command) {
        if (id != null) {
            return view();
        }
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
        return view();
    }

    // --- charging -------------------------------------------------------------------------------------------------

    /** The charge to send to the provider, or empty when the payment is already charged or being charged. */
    Optional<ChargeRequest> prepareCharge(String requestedMethod) {
        if (status.isCaptured() || status == PaymentStatus.PROCESSING) {
            return Optional.empty();
        }
        if (!CONFIRMABLE.contains(status)) {
            throw new IllegalPaymentTransition(id, status, "confirm");
        }
        boolean customerActed = status == PaymentStatus.REQUIRES_ACTION;
        String method = requestedMethod != null ? requestedMethod : paymentMethod;
        if (method == null) {
            throw new PaymentMethodRequired();
        }
        return Optional.of(new ChargeRequest(id, providerPaymentId, amount, method, chargeAttempts + 1, customerActed));
    }

    void recordCharge(ChargeRequest charge, ChargeOutcome outcome) {
        String method = charge.paymentMethod();
        if (outcome instanceof ChargeOutcome.Succeeded succeeded) {
            apply(new PaymentSucceeded(id, amount, providerPaymentId, method, succeeded.details()));
        } else if (outcome instanceof ChargeOutcome.Failed failed) {
            apply(new PaymentFailed(
                    id,
                    amount,
                    failed.code(),
                    failed.message(),
                    providerPaymentId,
                    method,
                    failed.declineCode(),
                    failed.details()));
        } else if (outcome instanceof ChargeOutcome.ActionRequired action) {
            apply(new PaymentActionRequired(id, providerPaymentId, method, action.nextAction()));
        } else if (outcome instanceof ChargeOutcome.Processing) {
            apply(new PaymentProcessingStarted(id, providerPaymentId, method, false));
        } else if (outcome instanceof ChargeOutcome.Unknown) {
            apply(new PaymentProcessingStarted(id, providerPaymentId, method, true));
        }
    }

    @CommandHandler
    PaymentView handle(RecordPaymentSucceededCommand command) {
        if (status.isCaptured()) {
            return view();
        }
        if (!AWAITING_OUTCOME.contains(status)) {
            throw new IllegalPaymentTransition(id, status, "record success of");
        }
        String method = reportedOrLast(command.paymentMethod());
        apply(new PaymentSucceeded(id, amount, providerPaymentId, method, command.details()));
        return view();
    }

    @CommandHandler
    PaymentView handle(RecordPaymentProcessingCommand command) {
        if (status == PaymentStatus.PENDING
                || status == PaymentStatus.FAILED
                || status == PaymentStatus.REQUIRES_ACTION
                || (status == PaymentStatus.PROCESSING && processingGuessed)) {
            // From our guess: the provider confirms it, so a late requires_action can no longer replace it.
            apply(new PaymentProcessingStarted(id, providerPaymentId, command.paymentMethod(), false));
        }
        // Processing already reported, captured or canceled: the provider's news is older than what is recorded.
        return view();
    }

    @CommandHandler
    PaymentView handle(RecordPaymentActionRequiredCommand command) {
        // Stripe never moves a payment from processing to requires_action, so from processing only our guess (the
        // provider could not be reached) gives way to the provider's word; a provider's processing is newer news.
        if (status == PaymentStatus.PENDING
                || status == PaymentStatus.FAILED
                || (status == PaymentStatus.PROCESSING && processingGuessed)) {
            apply(new PaymentActionRequired(id, providerPaymentId, command.paymentMethod(), command.nextAction()));
        }
        return view();
    }

    @CommandHandler
    PaymentView handle(RecordPaymentFailedCommand command) {
        if (status == PaymentStatus.PENDING
                || status == PaymentStatus.PROCESSING
                || status == PaymentStatus.REQUIRES_ACTION) {
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
        // Failed already, captured or canceled: a failure never undoes what came after it.
        return view();
    }

    @CommandHandler
    PaymentView handle(RecordPaymentCanceledCommand command) {
        if (status == PaymentStatus.CANCELED) {
            return view();
        }
        if (status.isCaptured()) {
            throw new IllegalPaymentTransition(id, status, "record cancellation of");
        }
        apply(new PaymentCanceled(id, command.reason()));
        return view();
    }

    @CommandHandler
    PaymentView handle(FailPaymentCommand command) {
        if (status == PaymentStatus.FAILED) {
            return view();
        }
        if (status != PaymentStatus.PENDING
                && status != PaymentStatus.PROCESSING
                && status != PaymentStatus.REQUIRES_ACTION) {
            throw new IllegalPaymentTransition(id, status, "fail");
        }
        apply(new PaymentFailed(
                id, amount, command.code(), command.message(), providerPaymentId, paymentMethod, null, null));
        return view();
    }

    // --- canceling ------------------------------------------------------------------------------------------------

    /** The cancellation to send to the provider, or empty when the payment is canceled already. */
    Optional<CancelRequest> prepareCancel(String reason) {
        if (status == PaymentStatus.CANCELED) {
            return Optional.empty();
        }
        if (!CANCELABLE.contains(status)) {
            throw new IllegalPaymentTransition(id, status, "cancel");
        }
        return Optional.of(new CancelRequest(id, providerPaymentId, reason));
    }

    void recordCancel(CancelRequest cancel) {
        apply(new PaymentCanceled(id, cancel.reason()));
    }

    // --- refunding ------------------------------------------------------------------------------------------------

    /** The refund to send to the provider, or empty when this refund id was seen before. */
    Optional<RefundRequest> prepareRefund(RefundPaymentCommand command) {
        if (refunds.containsKey(command.refundId())) {
            return Optional.empty();
        }
        // Refunded is final: a new refund of it is an illegal move, not one that merely asks too much.
        if (!status.isCaptured() || status == PaymentStatus.REFUNDED) {
            throw new IllegalPaymentTransition(id, status, "refund");
        }
        requirePaymentCurrency(command.currency());
        Money available = availableToRefund();
        Money requested = command.amount() == null ? available : new Money(command.amount(), amount.currency());
        if (command.amount() != null) {
            CurrencyRules.checkAmount(requested);
        }
        if (requested.isGreaterThan(available) || available.isZero()) {
            throw new RefundExceedsAvailableAmount(requested, available);
        }
        return Optional.of(new RefundRequest(id, command.refundId(), providerPaymentId, requested, command.reason()));
    }

    void recordRefund(RefundRequest refund, RefundOutcome outcome) {
        // The provider's id in the request only when the refund stays pending; a settled one names it when it settles.
        String providerRefundId = outcome instanceof RefundOutcome.Pending pending ? pending.providerRefundId() : null;
        apply(new RefundRequested(id, refund.refundId(), refund.amount(), refund.reason(), providerRefundId));
        if (outcome instanceof RefundOutcome.Succeeded succeeded) {
            apply(new RefundSucceeded(
                    id, refund.refundId(), refund.amount(), succeeded.providerRefundId(), succeeded.details()));
        } else if (outcome instanceof RefundOutcome.Failed failed) {
            apply(new RefundFailed(
                    id,
                    refund.refundId(),
                    refund.amount(),
                    failed.code(),
                    failed.message(),
                    failed.providerRefundId(),
                    failed.details()));
        }
    }

    @CommandHandler
    RefundView handle(RecordRefundSucceededCommand command) {
        RefundView known =
                knownOrRequested(command.refundId(), command.amount(), command.reason(), command.providerRefundId());
        if (known.status() == RefundStatus.PENDING) {
            apply(new RefundSucceeded(
                    id,
                    command.refundId(),
                    new Money(known.amount(), amount.currency()),
                    command.providerRefundId(),
                    command.details()));
        }
        // Settled already: the provider's word was recorded before (a failed refund stays failed).
        return refunds.get(command.refundId());
    }

    @CommandHandler
    RefundView handle(RecordRefundFailedCommand command) {
        RefundView known = knownOrRequested(command.refundId(), command.amount(), null, command.providerRefundId());
        if (known.status() == RefundStatus.PENDING) {
            apply(new RefundFailed(
                    id,
                    command.refundId(),
                    new Money(known.amount(), amount.currency()),
                    command.code(),
                    command.message(),
                    command.providerRefundId(),
                    command.details()));
        }
        return refunds.get(command.refundId());
    }

    /** The refund with this id, recorded as requested first when the ledger never asked for it. */
    private RefundView knownOrRequested(RefundId refundId, Money requested, String reason, String providerRefundId) {
        if (!refunds.containsKey(refundId)) {
            requestedAtTheProvider(refundId, requested, reason, providerRefundId);
        }
        return refunds.get(refundId);
    }

    /** A refund this ledger did not ask for (made at the provider directly): recorded within what remains. */
    private void requestedAtTheProvider(RefundId refundId, Money requested, String reason, String providerRefundId) {
        if (!status.isCaptured()) {
            throw new IllegalPaymentTransition(id, status, "record a refund of");
        }
        requirePaymentCurrency(requested.currency());
        Money available = availableToRefund();
        if (requested.isGreaterThan(available)) {
            throw new RefundExceedsAvailableAmount(requested, available);
        }
        apply(new RefundRequested(id, refundId, requested, reason, providerRefundId));
    }

    RefundView refund(RefundId refundId) {
        return refunds.get(refundId);
    }

    private Money availableToRefund() {
        Money reserved = refunds.values().stream()
                .filter(refund -> refund.status() != RefundStatus.FAILED)
                .map(refund -> new Money(refund.amount(), amount.currency()))
                .reduce(Money.zero(amount.currency()), Money::plus);
        return amount.minus(reserved);
    }

    // --- reconciling ----------------------------------------------------------------------------------------------

    @CommandHandler
    PaymentView handle(ReconcilePaymentCommand command) {
        if (settlementIds.contains(command.settlementId())) {
            // Any settlement seen before, not only the latest: providers redeliver out of order.
            return view();
        }
        if (!status.isCaptured() || reconciliation.status() == ReconciliationStatus.MATCHED) {
            throw new IllegalPaymentTransition(id, status, "reconcile");
        }
        requirePaymentCurrency(command.currency());
        if (command.grossAmount() != Math.addExact(command.fee(), command.netAmount())) {
            throw new SettlementDoesNotAddUp(command.grossAmount(), command.fee(), command.netAmount());
        }
        Currency currency = amount.currency();
        Money gross = new Money(command.grossAmount(), currency);
        Money fee = new Money(command.fee(), currency);
        Money net = new Money(command.netAmount(), currency);
        CurrencyRules.checkAmount(gross);
        CurrencyRules.checkNonNegativeAmount(fee);
        CurrencyRules.checkNonNegativeAmount(net);
        if (gross.equals(amount)) {
            apply(new PaymentReconciled(id, command.settlementId(), gross, fee, net, command.settledAt()));
        } else {
            apply(new PaymentReconciliationMismatched(
                    id, command.settlementId(), amount, gross, fee, net, command.settledAt()));
        }
        return view();
    }

    // --- disputes -------------------------------------------------------------------------------------------------

    @CommandHandler
    PaymentView handle(RecordDisputeOpenedCommand command) {
        if (!disputes.containsKey(command.disputeId())) {
            opened(command.disputeId(), command.amount(), command.fee(), command.reason());
        }
        return view();
    }

    @CommandHandler
    PaymentView handle(RecordDisputeClosedCommand command) {
        DisputeState dispute = disputes.get(command.disputeId());
        if (dispute == null) {
            // The opening's news never came (or comes later): the closing tells what was withdrawn.
            opened(command.disputeId(), command.amount(), command.fee(), command.reason());
            dispute = disputes.get(command.disputeId());
        }
        if (dispute.closed()) {
            return view();
        }
        if (command.won()) {
            Money feeReturned = command.feeReturned() == null
                    ? Money.zero(amount.currency())
                    : new Money(command.feeReturned().minor(), amount.currency());
            requirePaymentCurrency(
                    command.feeReturned() == null ? null : command.feeReturned().currency());
            CurrencyRules.checkNonNegativeAmount(feeReturned);
            if (feeReturned.isGreaterThan(dispute.fee())) {
                feeReturned = dispute.fee();
            }
            apply(new DisputeWon(id, command.disputeId(), dispute.amount(), dispute.fee(), feeReturned));
        } else {
            apply(new DisputeLost(id, command.disputeId(), dispute.amount(), dispute.fee()));
        }
        return view();
    }

    private void opened(String disputeId, Money disputed, Money fee, String reason) {
        if (!status.isCaptured()) {
            throw new IllegalPaymentTransition(id, status, "record a dispute of");
        }
        requirePaymentCurrency(disputed.currency());
        requirePaymentCurrency(fee.currency());
        CurrencyRules.checkNonNegativeAmount(disputed);
        CurrencyRules.checkNonNegativeAmount(fee);
        apply(new DisputeOpened(id, disputeId, disputed, fee, reason));
    }

    private void requirePaymentCurrency(Currency given) {
        if (given != null && !amount.hasCurrency(given)) {
            throw new CurrencyMismatch(given, amount.currency());
        }
    }

    // --- state ----------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PaymentCreated event, @Timestamp Instant at) {
        id = event.paymentId();
        status = PaymentStatus.PENDING;
        amount = event.amount();
        customerId = event.customerId();
        orderId = event.orderId();
        description = event.description();
        metadata = event.metadata();
        provider = event.provider();
        providerPaymentId = event.providerPaymentId();
        paymentMethod = event.paymentMethod();
        createdAt = at;
        touched(at);
    }

    @EventSourcingHandler
    void on(PaymentProcessingStarted event, @Timestamp Instant at) {
        attempted(event.paymentMethod());
        status = PaymentStatus.PROCESSING;
        // Events stored before the flag existed recorded guesses too: they keep the rule they were written under.
        processingGuessed = !Boolean.FALSE.equals(event.outcomeUnknown());
        touched(at);
    }

    @EventSourcingHandler
    void on(PaymentActionRequired event, @Timestamp Instant at) {
        attempted(event.paymentMethod());
        status = PaymentStatus.REQUIRES_ACTION;
        touched(at);
    }

    @EventSourcingHandler
    void on(PaymentSucceeded event, @Timestamp Instant at) {
        attempted(event.paymentMethod());
        status = PaymentStatus.SUCCEEDED;
        failure = null;
        touched(at);
    }

    @EventSourcingHandler
    void on(PaymentFailed event, @Timestamp Instant at) {
        attempted(event.paymentMethod());
        status = PaymentStatus.FAILED;
        failure = new PaymentView.FailureView(event.code(), event.message());
        touched(at);
    }

    @EventSourcingHandler
    void on(PaymentCanceled event, @Timestamp Instant at) {
        status = PaymentStatus.CANCELED;
        touched(at);
    }

    @EventSourcingHandler
    void on(RefundRequested event, @Timestamp Instant at) {
        refunds.put(
                event.refundId(),
                new RefundView(
                        event.refundId().value(),
                        id.value(),
                        event.amount().minor(),
                        event.amount().currencyCode(),
                        RefundStatus.PENDING,
                        event.reason(),
                        at));
        touched(at);
    }

    @EventSourcingHandler
    void on(RefundSucceeded event, @Timestamp Instant at) {
        settleRefund(event.refundId(), RefundStatus.SUCCEEDED);
        long refunded = amountRefunded();
        status = refunded == amount.minor() ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        touched(at);
    }

    @EventSourcingHandler
    void on(RefundFailed event, @Timestamp Instant at) {
        settleRefund(event.refundId(), RefundStatus.FAILED);
        touched(at);
    }

    @EventSourcingHandler
    void on(PaymentReconciled event, @Timestamp Instant at) {
        reconciled(ReconciliationStatus.MATCHED, event.settlementId(), event.fee(), event.net(), event.settledAt());
        touched(at);
    }

    @EventSourcingHandler
    void on(PaymentReconciliationMismatched event, @Timestamp Instant at) {
        reconciled(ReconciliationStatus.MISMATCHED, event.settlementId(), event.fee(), event.net(), event.settledAt());
        touched(at);
    }

    @EventSourcingHandler
    void on(DisputeOpened event, @Timestamp Instant at) {
        disputes.put(event.disputeId(), new DisputeState(event.amount(), event.fee(), false));
        touched(at);
    }

    @EventSourcingHandler
    void on(DisputeWon event, @Timestamp Instant at) {
        disputes.computeIfPresent(event.disputeId(), (key, dispute) -> dispute.close());
        touched(at);
    }

    @EventSourcingHandler
    void on(DisputeLost event, @Timestamp Instant at) {
        disputes.computeIfPresent(event.disputeId(), (key, dispute) -> dispute.close());
        touched(at);
    }

    /** What the provider withdrew for a dispute, and whether it was decided. */
    private record DisputeState(Money amount, Money fee, boolean closed) {

        DisputeState close() {
            return new DisputeState(amount, fee, true);
        }
    }

    /** The method the provider reported, else the last one tried. */
    private String reportedOrLast(String reported) {
        return reported != null ? reported : paymentMethod;
    }

    private void attempted(String method) {
        chargeAttempts++;
        if (method != null) {
            paymentMethod = method;
        }
    }

    private void settleRefund(RefundId refundId, RefundStatus refundStatus) {
        RefundView refund = refunds.get(refundId);
        refunds.put(
                refundId,
                new RefundView(
                        refund.id(),
                        refund.paymentId(),
                        refund.amount(),
                        refund.currency(),
                        refundStatus,
                        refund.reason(),
                        refund.createdAt()));
    }

    private void reconciled(ReconciliationStatus outcome, String settlementId, Money fee, Money net, Instant at) {
        settlementIds.add(settlementId);
        reconciliation = new PaymentView.ReconciliationView(outcome, settlementId, fee.minor(), net.minor(), at);
    }

    private void touched(Instant at) {
        updatedAt = at;
        version++;
    }

    private long amountRefunded() {
        return refunds.values().stream()
                .filter(refund -> refund.status() == RefundStatus.SUCCEEDED)
                .mapToLong(RefundView::amount)
                .sum();
    }

    PaymentView view() {
        return new PaymentView(
                id.value(),
                status,
                amount.minor(),
                amount.currencyCode(),
                amountRefunded(),
                customerId,
                orderId,
                description,
                metadata,
                provider,
                providerPaymentId,
                failure,
                List.copyOf(refunds.values()),
                reconciliation,
                createdAt,
                updatedAt,
                version);
    }
}
