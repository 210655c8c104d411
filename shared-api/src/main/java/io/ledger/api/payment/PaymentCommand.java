package io.ledger.api.payment;

import io.ledger.api.id.PaymentId;

/** An intent addressed to one payment; the payment's id routes it. */
public sealed interface PaymentCommand
        permits CreatePaymentCommand,
                ConfirmPaymentCommand,
                FailPaymentCommand,
                CancelPaymentCommand,
                RefundPaymentCommand,
                ReconcilePaymentCommand,
                RecordPaymentSucceededCommand,
                RecordProcessingSucceededCommand,
                RecordPaymentProcessingCommand,
                RecordPaymentActionRequiredCommand,
                RecordPaymentFailedCommand,
                RecordPaymentCanceledCommand,
                RecordRefundSucceededCommand,
                RecordRefundFailedCommand,
                ImportPaymentCommand,
                RecordDisputeOpenedCommand,
                RecordDisputeClosedCommand,
                UpdatePaymentCommand,
                ArchivePaymentCommand {

    PaymentId paymentId();
}
