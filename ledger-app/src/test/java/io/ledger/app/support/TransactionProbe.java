package io.ledger.app.support;

import io.ledger.api.payment.PaymentEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sits in the payment history's processor beside its projection and notes, for every event, whether it is handled
 * inside a database transaction, as a projection's rows and token must be. Changes nothing.
 */
@ProcessingGroup("payment-history")
public class TransactionProbe {

    private final Map<String, Boolean> inTransaction = new ConcurrentHashMap<>();

    @EventHandler
    void on(PaymentEvent event, @MessageIdentifier String eventId) {
        inTransaction.put(eventId, TransactionSynchronizationManager.isActualTransactionActive());
    }

    /** By event identifier: whether a transaction was active while the processor handled it. */
    public Map<String, Boolean> handled() {
        return Map.copyOf(inTransaction);
    }
}
