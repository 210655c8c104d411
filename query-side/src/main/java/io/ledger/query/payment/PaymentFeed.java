package io.ledger.query.payment;

import io.ledger.api.payment.PaymentEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A live feed of payment changes for dashboards, as server-sent events. The payment history projection publishes
 * each change once its transaction committed; a separate thread writes to the clients, so a slow client never holds
 * the projection up. A client confined to one customer hears only of that customer's payments; a client hears of
 * archived payments (from the change that archives them on) only when it asked for them.
 */
@Component
class PaymentFeed implements DisposableBean {

    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(30);
    private static final String BATCH_UPDATES = PaymentFeed.class.getName() + ".updates";

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "payment-feed");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A new client. It is sent a comment first, written as soon as the response starts: without it nothing (not even
     * the headers) reaches the client before the next change, so it could not tell that it is subscribed.
     *
     * @param onlyCustomer the customer whose payments alone the client hears of; null: every payment
     * @param archived whether the client hears of changes of archived payments
     */
    SseEmitter subscribe(String onlyCustomer, boolean archived) {
        SseEmitter emitter = new SseEmitter(CLIENT_TIMEOUT.toMillis());
        try {
            emitter.send(SseEmitter.event().comment("subscribed"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Client client = new Client(emitter, onlyCustomer, archived);
        clients.add(client);
        emitter.onCompletion(() -> clients.remove(client));
        emitter.onTimeout(() -> clients.remove(client));
        emitter.onError(error -> clients.remove(client));
        return emitter;
    }

    /**
     * Tells the clients of a change of a payment of {@code customerId} (null for a payment of no customer), which the
     * change left archived ({@code archived}) or not.
     */
    void publish(PaymentEvent event, String customerId, boolean archived, long version, Instant occurredAt) {
        if (clients.isEmpty()) {
            return;
        }
        Change change = new Change(
                customerId,
                archived,
                new PaymentUpdate(event.paymentId().value(), event.getClass().getSimpleName(), version, occurredAt));
        if (CurrentUnitOfWork.isStarted()) {
            // One after-commit callback per batch, sending its updates in event order: Axon runs a batch's
            // after-commit callbacks in reverse, which would tell a client of a payment's changes newest first.
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.getOrComputeResource(BATCH_UPDATES, key -> {
                        List<Change> updates = new ArrayList<>();
                        batch.afterCommit(committed -> sender.execute(() -> updates.forEach(this::send)));
                        return updates;
                    })
                    .add(change);
        } else {
            sender.execute(() -> send(change));
        }
    }

    private void send(Change change) {
        PaymentUpdate update = change.update();
        for (Client client : clients) {
            if (!client.hears(change)) {
                continue;
            }
            try {
                client.emitter()
                        .send(SseEmitter.event()
                                .name("payment")
                                .id(update.paymentId() + ":" + update.version())
                                .data(update));
            } catch (IOException | IllegalStateException gone) {
                clients.remove(client);
            }
        }
    }

    @Override
    public void destroy() {
        clients.forEach(client -> client.emitter().complete());
        sender.shutdownNow();
    }

    /** What changed: the payment, the event that changed it and its version now. */
    record PaymentUpdate(String paymentId, String event, long version, Instant occurredAt) {}

    /** An update with the customer whose payment changed and whether it was archived: who may hear of it, never sent. */
    private record Change(String customerId, boolean archived, PaymentUpdate update) {}

    /**
     * A subscriber, the customer it is confined to (null: none) and whether it hears of archived payments. Identity, not
     * value, tells clients apart.
     */
    private static final class Client {
        private final SseEmitter emitter;
        private final String onlyCustomer;
        private final boolean archived;

        Client(SseEmitter emitter, String onlyCustomer, boolean archived) {
            this.emitter = emitter;
            this.onlyCustomer = onlyCustomer;
            this.archived = archived;
        }

        SseEmitter emitter() {
            return emitter;
        }

        boolean hears(Change change) {
            return (onlyCustomer == null || onlyCustomer.equals(change.customerId()))
                    && (archived || !change.archived());
        }
    }
}
