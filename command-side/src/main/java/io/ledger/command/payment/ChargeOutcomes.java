package io.ledger.command.payment;

import io.ledger.api.payment.PaymentActionRequired;
import io.ledger.api.payment.PaymentEvent;
import io.ledger.api.payment.PaymentFailed;
import io.ledger.api.payment.PaymentOutcomeUnknown;
import io.ledger.api.payment.PaymentProcessingStarted;
import io.ledger.api.payment.PaymentSucceeded;
import io.ledger.command.provider.ChargeOutcome;
import io.ledger.command.provider.ChargeRequest;

/** What the provider's answer to one of our charges means for the payment: the fact to record. */
final class ChargeOutcomes {

    private ChargeOutcomes() {}

    static PaymentEvent fact(ChargeRequest charge, ChargeOutcome outcome) {
        String method = charge.paymentMethod();
        if (outcome instanceof ChargeOutcome.Succeeded succeeded) {
            return new PaymentSucceeded(
                    charge.paymentId(), charge.amount(), charge.providerPaymentId(), method, succeeded.details());
        }
        if (outcome instanceof ChargeOutcome.Failed failed) {
            return new PaymentFailed(
                    charge.paymentId(),
                    charge.amount(),
                    failed.code(),
                    failed.message(),
                    charge.providerPaymentId(),
                    method,
                    failed.declineCode(),
                    failed.details());
        }
        if (outcome instanceof ChargeOutcome.ActionRequired action) {
            return new PaymentActionRequired(
                    charge.paymentId(), charge.providerPaymentId(), method, action.nextAction());
        }
        if (outcome instanceof ChargeOutcome.Processing) {
            return new PaymentProcessingStarted(charge.paymentId(), charge.providerPaymentId(), method);
        }
        if (outcome instanceof ChargeOutcome.Unknown) {
            // The answer never came: what happened at the provider is not known until it is asked again.
            return new PaymentOutcomeUnknown(charge.paymentId(), charge.providerPaymentId(), method);
        }
        throw new IllegalArgumentException("no fact for the charge outcome " + outcome);
    }
}
