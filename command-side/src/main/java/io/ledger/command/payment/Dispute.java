package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.DisputeLost;
import io.ledger.api.payment.DisputeOpened;
import io.ledger.api.payment.DisputeWon;
import io.ledger.api.payment.PaymentEvent;
import java.util.Currency;

/** A dispute of a captured payment: what the provider withdrew (the amount and its fee), and whether it was decided. */
record Dispute(Money amount, Money fee, boolean closed) {

    /** The fact that a dispute opened, as the provider reports it: amounts in the payment's currency, none negative. */
    static DisputeOpened opened(
            PaymentId paymentId, String disputeId, Money amount, Money fee, String reason, Currency currency) {
        CurrencyMismatch.check(amount.currency(), currency);
        CurrencyMismatch.check(fee.currency(), currency);
        CurrencyRules.checkNonNegativeAmount(amount);
        CurrencyRules.checkNonNegativeAmount(fee);
        return new DisputeOpened(paymentId, disputeId, amount, fee, reason);
    }

    /**
     * The fact that the dispute was decided: lost, or won with what the provider gave back of the fee ({@code
     * feeReturned}, none when it did not say), never more than was withdrawn.
     */
    PaymentEvent decided(PaymentId paymentId, String disputeId, boolean won, Money feeReturned) {
        return won
                ? new DisputeWon(paymentId, disputeId, amount, fee, feeReturned(feeReturned))
                : new DisputeLost(paymentId, disputeId, amount, fee);
    }

    private Money feeReturned(Money reported) {
        if (reported == null) {
            return Money.zero(fee.currency());
        }
        CurrencyMismatch.check(reported.currency(), fee.currency());
        CurrencyRules.checkNonNegativeAmount(reported);
        return reported.isGreaterThan(fee) ? fee : reported;
    }

    Dispute close() {
        return new Dispute(amount, fee, true);
    }
}
