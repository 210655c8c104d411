package io.ledger.command.provider;

import io.ledger.api.payment.Provider;

/**
 * The port to whoever moves the money. Calls happen outside the Payment aggregate; their outcomes are applied to it
 * afterwards. Implementations must be idempotent per request: a retried call with the same ids never charges or
 * refunds twice.
 */
public interface PaymentProvider {

    Provider kind();

    /** Registers the payment with the provider; nothing is charged yet. */
    ProviderPayment createPayment(PaymentRequest request);

    /** Tries to charge the payment. A decline is an outcome, not an exception. */
    ChargeOutcome confirm(ChargeRequest request);

    /** Changes the amount the provider will charge; nothing was charged yet. */
    void changeAmount(AmountChangeRequest request);

    /** Cancels the payment at the provider; nothing was captured. */
    void cancel(CancelRequest request);

    /** Pays (part of) a captured payment back. */
    RefundOutcome refund(RefundRequest request);
}
