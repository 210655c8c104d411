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
 * the projection up.
 */
@Component
class PaymentFeed implements DisposableBean {

    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(30);
    private static final String BATCH_UPDATES = PaymentFeed.class.getName() + ".updates";

    private final Set<SseEmitter> clients = ConcurrentHashMap.newKeySet();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "payment-feed");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A new client. It is sent a comment first, written as soon as the response starts: without it nothing (not even
     * the headers) reaches the client before the next change, so it could not tell that it is subscribed.
     */
    SseEmitter subscribe() {
        SseEmitter client = new SseEmitter(CLIENT_TIMEOUT.toMillis());
        try {
            client.send(SseEmitter.event().comment("subscribed"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        clients.add(client);
        client.onCompletion(() -> clients.remove(client));
        client.onTimeout(() -> clients.remove(client));
        client.onError(error -> clients.remove(client));
        return client;
    }

    void publish(PaymentEvent event, long version, Instant occurredAt) {
        if (clients.isEmpty()) {
            return;
        }
        PaymentUpdate update =
                new PaymentUpdate(event.paymentId().value(), event.getClass().getSimpleName(), version, occurredAt);
        if (CurrentUnitOfWork.isStarted()) {
            // One after-commit callback per batch, sending its updates in event order: Axon runs a batch's
            // after-commit callbacks in reverse, which would tell a client of a payment's changes newest first.
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.getOrComputeResource(BATCH_UPDATES, key -> {
                        List<PaymentUpdate> updates = new ArrayList<>();
                        batch.afterCommit(committed -> sender.execute(() -> updates.forEach(this::send)));
                        return updates;
                    })
                    .add(update);
        } else {
            sender.execute(() -> send(update));
        }
    }

    private void send(PaymentUpdate update) {
        for (SseEmitter client : clients) {
            try {
                client.send(SseEmitter.event()
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
        clients.forEach(SseEmitter::complete);
        sender.shutdownNow();
    }

    /** What changed: the payment, the event that changed it and its version now. */
    record PaymentUpdate(String paymentId, String event, long version, Instant occurredAt) {}
}
