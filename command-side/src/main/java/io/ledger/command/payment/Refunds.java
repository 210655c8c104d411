package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.api.payment.PaymentStatus;
import io.ledger.api.payment.ProviderDetails;
import io.ledger.api.payment.RefundFailed;
import io.ledger.api.payment.RefundPaymentCommand;
import io.ledger.api.payment.RefundRequested;
import io.ledger.api.payment.RefundStatus;
import io.ledger.api.payment.RefundSucceeded;
import io.ledger.command.provider.RefundOutcome;
import io.ledger.command.provider.RefundRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The refunds of a captured amount. A refund reserves its amount from the moment it is asked for and keeps it once
 * paid; a failed one gives it back. The rule: a refund may not exceed what remains.
 */
record Refunds(Money captured, Map<RefundId, Refund> byId) {

    Refunds {
        byId = Map.copyOf(byId);
    }

    static Refunds of(Money captured) {
        return new Refunds(captured, Map.of());
    }

    boolean contains(RefundId refundId) {
        return byId.containsKey(refundId);
    }

    Refund get(RefundId refundId) {
        Refund refund = byId.get(refundId);
        if (refund == null) {
            throw new IllegalArgumentException("no refund " + refundId);
        }
        return refund;
    }

    /** What may still be refunded: the captured amount less every refund that did not fail. */
    Money available() {
        return captured.minus(total(RefundStatus.PENDING).plus(total(RefundStatus.SUCCEEDED)));
    }

    /** What was paid back so far. */
    Money paid() {
        return total(RefundStatus.SUCCEEDED);
    }

    /**
     * The refund to ask the provider for: the command's amount, or all that remains when it names none. The amount
     * and the currency, when given, must be valid and the payment's.
     */
    RefundRequest request(PaymentId paymentId, RefundPaymentCommand command, String providerPaymentId) {
        CurrencyMismatch.check(command.currency(), captured.currency());
        Money requested = null;
        if (command.amount() != null) {
            requested = new Money(command.amount(), captured.currency());
            CurrencyRules.checkAmount(requested);
        }
        return new RefundRequest(paymentId, command.refundId(), providerPaymentId, allow(requested), command.reason());
    }

    /** The facts of the provider's answer to our refund: requested, and paid or failed unless it is still pending. */
    List<PaymentEvent> answered(RefundRequest refund, RefundOutcome outcome) {
        // The provider's id in the request only when the refund stays pending; a settled one names it when it settles.
        String providerRefundId = outcome instanceof RefundOutcome.Pending pending ? pending.providerRefundId() : null;
        RefundRequested requested = new RefundRequested(
                refund.paymentId(), refund.refundId(), refund.amount(), refund.reason(), providerRefundId);
        Refunds then = reserve(refund.refundId(), refund.amount());
        if (outcome instanceof RefundOutcome.Succeeded paid) {
            return List.of(
                    requested,
                    then.paid(refund.paymentId(), refund.refundId(), paid.providerRefundId(), paid.details()));
        }
        if (outcome instanceof RefundOutcome.Failed failed) {
            return List.of(
                    requested,
                    then.failed(
                            refund.paymentId(),
                            refund.refundId(),
                            failed.code(),
                            failed.message(),
                            failed.providerRefundId(),
                            failed.details()));
        }
        return List.of(requested);
    }

    /** A refund the ledger never asked for (made at the provider directly): requested, within what remains. */
    RefundRequested madeAtTheProvider(
            PaymentId paymentId, RefundId refundId, Money amount, String reason, String providerRefundId) {
        CurrencyMismatch.check(amount.currency(), captured.currency());
        return new RefundRequested(paymentId, refundId, allow(amount), reason, providerRefundId);
    }

    /**
     * The rule: a refund may not exceed what remains. Answers what to refund: {@code requested}, or all that remains
     * when it is null, which must then be something.
     */
    private Money allow(Money requested) {
        Money available = available();
        Money refund = requested == null ? available : requested;
        if (refund.isGreaterThan(available) || (requested == null && available.isZero())) {
            throw new RefundExceedsAvailableAmount(refund, available);
        }
        return refund;
    }

    /**
     * The fact that the provider paid this pending refund, with the payment's status it leaves: refunded when it pays
     * back the last of what was captured, else partially refunded.
     */
    RefundSucceeded paid(PaymentId paymentId, RefundId refundId, String providerRefundId, ProviderDetails details) {
        Money amount = get(refundId).amount();
        PaymentStatus status =
                paid().plus(amount).equals(captured) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        return new RefundSucceeded(paymentId, refundId, amount, providerRefundId, details, status);
    }

    /** The fact that the provider could not pay this pending refund: its amount is free again. */
    RefundFailed failed(
            PaymentId paymentId,
            RefundId refundId,
            String code,
            String message,
            String providerRefundId,
            ProviderDetails details) {
        return new RefundFailed(paymentId, refundId, get(refundId).amount(), code, message, providerRefundId, details);
    }

    Refunds reserve(RefundId refundId, Money amount) {
        return with(refundId, new Refund(amount, RefundStatus.PENDING));
    }

    Refunds settle(RefundId refundId, RefundStatus outcome) {
        return with(refundId, get(refundId).settled(outcome));
    }

    private Refunds with(RefundId refundId, Refund refund) {
        Map<RefundId, Refund> changed = new LinkedHashMap<>(byId);
        changed.put(refundId, refund);
        return new Refunds(captured, changed);
    }

    private Money total(RefundStatus status) {
        return byId.values().stream()
                .filter(refund -> refund.status() == status)
                .map(Refund::amount)
                .reduce(Money.zero(captured.currency()), Money::plus);
    }
}
