package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.stripe.net.Webhook;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.StripeApiStubEnvironmentPostProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/** Delivers signed events as Stripe does, runs the inbox worker, and reads what the ledger made of them. */
final class WebhookDriver {

    static final String PATH = "/api/webhooks/stripe";

    private final LedgerApi api;
    private final InboxWorker worker;
    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;

    private WebhookDriver(LedgerApi api, InboxWorker worker, JdbcClient jdbc, EventProcessingConfiguration processing) {
        this.api = api;
        this.worker = worker;
        this.jdbc = jdbc;
        this.processing = processing;
    }

    /** The driver of the test application in {@code context}. */
    static WebhookDriver of(ApplicationContext context) {
        return new WebhookDriver(
                new LedgerApi(context.getBean(RestTestClient.class)),
                context.getBean(InboxWorker.class),
                context.getBean(JdbcClient.class),
                context.getBean(EventProcessingConfiguration.class));
    }

    LedgerApi api() {
        return api;
    }

    LedgerDb db() {
        return new LedgerDb(jdbc);
    }

    static String sign(String payload, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    LedgerApi.Answer post(String payload, String signature) {
        return signature == null ? api.post(PATH, payload) : api.post(PATH, payload, "Stripe-Signature", signature);
    }

    /** Delivers the event signed with the current secret now; it must be accepted. */
    LedgerApi.Answer deliver(String payload) {
        LedgerApi.Answer answer =
                post(payload, sign(payload, StripeApiStubEnvironmentPostProcessor.SECRET, Instant.now()));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer;
    }

    /** Runs the worker until nothing is due, then waits for the read models to catch up with the event store. */
    void process() {
        while (worker.processDue() > 0) {
            // next batch
        }
        awaitProjections();
    }

    /** One pass of the worker, as one scheduled poll would do. */
    int processOnce() {
        return worker.processDue();
    }

    void awaitProjections() {
        long head = jdbc.sql("SELECT coalesce(max(global_index), -1) FROM domain_event_entry")
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    for (String name : List.of("journal", "payment-history")) {
                        StreamingEventProcessor processor = processing
                                .eventProcessor(name, StreamingEventProcessor.class)
                                .orElseThrow();
                        assertThat(processor.processingStatus().values())
                                .isNotEmpty()
                                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head);
                    }
                });
    }

    /** The inbox row of an event: state, attempts, type. */
    Map<String, Object> inboxRow(String eventId) {
        return jdbc.sql("SELECT state, attempts, event_type, api_version, last_error, payload,"
                        + " created_at, received_at FROM stripe_webhook_event WHERE stripe_event_id = ?")
                .param(eventId)
                .query()
                .singleRow();
    }

    long inboxRows(String eventId) {
        return jdbc.sql("SELECT count(*) FROM stripe_webhook_event WHERE stripe_event_id = ?")
                .param(eventId)
                .query(Long.class)
                .single();
    }

    long inboxSize() {
        return jdbc.sql("SELECT count(*) FROM stripe_webhook_event")
                .query(Long.class)
                .single();
    }

    JsonNode payment(String paymentId) {
        LedgerApi.Answer answer = api.get("/api/payments/" + paymentId);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    /** The payment's journal: per account, debits minus credits. */
    Map<String, Long> journal(String paymentId) {
        return jdbc
                .sql("SELECT account, sum(debit - credit) AS balance FROM journal_line WHERE payment_id = ?"
                        + " GROUP BY account ORDER BY account")
                .param(paymentId)
                .query((rs, row) -> Map.entry(rs.getString("account"), rs.getLong("balance")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.TreeMap::new));
    }

    /** The payment's journal entries by kind, each with its lines, in posting order. */
    List<String> journalLines(String paymentId) {
        return jdbc.sql("SELECT entry_kind, account, debit, credit FROM journal_line WHERE payment_id = ?"
                        + " ORDER BY entry_kind, account, debit, credit")
                .param(paymentId)
                .query((rs, row) -> rs.getString("entry_kind") + " " + rs.getString("account") + " "
                        + (rs.getLong("debit") > 0 ? "Dr " + rs.getLong("debit") : "Cr " + rs.getLong("credit")))
                .list();
    }

    static String eventId(String payload) {
        return StripeEvent.parse(payload).id();
    }
}
