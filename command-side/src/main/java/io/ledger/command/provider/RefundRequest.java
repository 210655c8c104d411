package io.ledger.command.provider;

import io.ledger.api.id.PaymentId;
import io.ledger.api.id.RefundId;
import io.ledger.api.money.Money;

/** Pay {@code amount} of a captured payment back; the refund id makes the call idempotent. */
public record RefundRequest(
        PaymentId paymentId, RefundId refundId, String providerPaymentId, Money amount, String reason) {}
