package io.ledger.command.payment;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.CurrencyRules;
import io.ledger.api.money.Money;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.api.payment.PaymentReconciled;
import io.ledger.api.payment.PaymentReconciliationMismatched;
import io.ledger.api.payment.ReconcilePaymentCommand;
import java.time.Instant;
import java.util.Currency;

/** What the provider settled for a payment: the gross it took in, its fee and the net it paid out. */
record Settlement(String id, Money gross, Money fee, Money net, Instant settledAt) {

    /**
     * The settlement a command reports, in the payment's currency: its gross must be its fee plus its net, the gross
     * a valid amount and the fee and net not negative.
     */
    static Settlement reported(ReconcilePaymentCommand command, Currency currency) {
        CurrencyMismatch.check(command.currency(), currency);
        if (command.grossAmount() != Math.addExact(command.fee(), command.netAmount())) {
            throw new SettlementDoesNotAddUp(command.grossAmount(), command.fee(), command.netAmount());
        }
        Settlement settlement = new Settlement(
                command.settlementId(),
                new Money(command.grossAmount(), currency),
                new Money(command.fee(), currency),
                new Money(command.netAmount(), currency),
                command.settledAt());
        CurrencyRules.checkAmount(settlement.gross());
        CurrencyRules.checkNonNegativeAmount(settlement.fee());
        CurrencyRules.checkNonNegativeAmount(settlement.net());
        return settlement;
    }

    /** The fact to record: matched when the settlement took in exactly what was captured, else mismatched. */
    PaymentEvent fact(PaymentId paymentId, Money captured) {
        if (gross.equals(captured)) {
            return new PaymentReconciled(paymentId, id, gross, fee, net, settledAt);
        }
        return new PaymentReconciliationMismatched(paymentId, id, captured, gross, fee, net, settledAt);
    }
}
