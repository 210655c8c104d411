package io.ledger.command.payment;

import io.ledger.api.payment.PaymentUpdated;
import io.ledger.command.provider.AmountChangeRequest;
import java.util.Optional;

/** An update the payment decided to take: the fact to record, and the provider's part when the amount changes. */
record PreparedUpdate(PaymentUpdated fact, Optional<AmountChangeRequest> amountChange) {}
