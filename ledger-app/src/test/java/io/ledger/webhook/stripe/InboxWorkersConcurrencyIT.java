package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.provider.SyncStripeObjectCommand;
import io.ledger.app.support.Concurrently;
import io.ledger.app.support.CountingCommands;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two inbox workers on one database, as two nodes run them: every stored Stripe event is synced by exactly one of
 * them, once, and its row finished; a worker whose claim ran out finds its row taken over, and the second sync of the
 * event records nothing new.
 */
@StripeWebhookIntegrationTest
class InboxWorkersConcurrencyIT {

    private static final int PAYMENTS = 30;
    private static final int OTHER_EVENTS = 70;

    @Autowired
    ApplicationContext context;

    @Autowired
    Inbox inbox;

    @Autowired
    CommandGateway commands;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    WebhookSettings settings;

    @Autowired
    JdbcClient jdbc;

    private WebhookDriver webhooks;

    @BeforeEach
    void setUp() {
        webhooks = WebhookDriver.of(context);
    }

    @Test
    void twoWorkersSyncEveryEventOnceBetweenThem() throws Exception {
        List<String> payments = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            StripeStory story = new StripeStory(pendingPayment(), 3000).publishIntent("succeeded");
            payments.add(story.paymentId());
            events.add(store(StripeStory.event("payment_intent.succeeded", story.intent("succeeded"))));
        }
        for (int i = 0; i < OTHER_EVENTS; i++) {
            events.add(store(StripeStory.event(
                    "customer.created", "{\"id\": \"cus_inbox" + i + "\", \"object\": \"customer\"}")));
        }
        CountingCommands first = counting();
        CountingCommands second = counting();

        List<Integer> done =
                Concurrently.run(Duration.ofMinutes(2), untilNoneDue(worker(first)), untilNoneDue(worker(second)));

        Map<String, Integer> synced = CountingCommands.together(first, second);
        assertThat(synced).as("syncs per Stripe event").containsOnlyKeys(events);
        assertThat(synced.values()).as("syncs per Stripe event").containsOnly(1);
        assertThat(done.get(0) + done.get(1)).isEqualTo(PAYMENTS + OTHER_EVENTS);
        assertThat(jdbc.sql("SELECT state, count(*) FROM stripe_webhook_event WHERE stripe_event_id IN (:ids)"
                                + " GROUP BY state")
                        .param("ids", events)
                        .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                        .list())
                .containsExactlyInAnyOrder(
                        Map.entry(Inbox.PROCESSED, (long) PAYMENTS), Map.entry(Inbox.IGNORED, (long) OTHER_EVENTS));
        assertThat(succeededEventsOf(payments)).containsOnlyKeys(payments);
        assertThat(succeededEventsOf(payments).values()).containsOnly(1);
        System.out.printf(
                "two inbox workers: %d and %d of %d events%n", done.get(0), done.get(1), PAYMENTS + OTHER_EVENTS);
    }

    @Test
    void anEventWhoseClaimRanOutIsTakenOverAndItsSecondSyncRecordsNothingNew() throws Exception {
        StripeStory story = new StripeStory(pendingPayment(), 3000).publishIntent("succeeded");
        String event = store(StripeStory.event("payment_intent.succeeded", story.intent("succeeded")));
        // A node claims the event with a lease that ends at once, and stops before it syncs it.
        List<Inbox.Claim> lost = inbox.claimDue(settings.batchSize(), Duration.ofMillis(1));
        assertThat(lost).extracting(Inbox.Claim::eventId).contains(event);
        Thread.sleep(5);
        CountingCommands counted = counting();

        assertThat(worker(counted).processDue()).isGreaterThanOrEqualTo(1);

        assertThat(counted.counts()).containsEntry(event, 1);
        assertThat(webhooks.inboxRow(event)).containsEntry("state", Inbox.PROCESSED);
        // The first node comes back and syncs what it had claimed: the payment has the fact already.
        Inbox.Claim stale =
                lost.stream().filter(c -> c.eventId().equals(event)).findFirst().orElseThrow();
        commands.sendAndWait(StripeEvent.parse(stale.payload()).syncCommand());
        assertThat(inbox.finish(stale, Inbox.PROCESSED)).isFalse();
        assertThat(succeededEventsOf(List.of(story.paymentId()))).containsEntry(story.paymentId(), 1);
    }

    private Callable<Integer> untilNoneDue(InboxWorker worker) {
        return () -> {
            int total = 0;
            int done;
            do {
                done = worker.processDue();
                total += done;
            } while (done > 0);
            return total;
        };
    }

    private InboxWorker worker(CountingCommands counted) {
        return new InboxWorker(inbox, counted.gateway(), transaction, settings, Clock.systemUTC());
    }

    private CountingCommands counting() {
        return new CountingCommands(commands, command -> ((SyncStripeObjectCommand) command).eventId());
    }

    private String store(String payload) {
        webhooks.deliver(payload);
        return WebhookDriver.eventId(payload);
    }

    private String pendingPayment() {
        LedgerApi.Answer created = webhooks.api()
                .post("/api/payments", Map.of("amount", 3000, "currency", "usd", "customerId", "cus_inbox"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private Map<String, Integer> succeededEventsOf(List<String> payments) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT aggregate_identifier, count(*) AS events FROM domain_event_entry"
                        + " WHERE payload_type = 'io.ledger.api.payment.PaymentSucceeded'"
                        + " AND aggregate_identifier IN (:ids) GROUP BY aggregate_identifier")
                .param("ids", payments)
                .query((rs, row) -> counts.put(rs.getString("aggregate_identifier"), rs.getInt("events")))
                .list();
        return counts;
    }
}
