package io.ledger.webhook.stripe;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.StripeApiStub;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Failures while processing: each attempt is one transaction (all of an event's commands or none), retried with
 * backoff (none in tests), parked as a dead letter after {@code ledger.webhook.max-attempts} (8), listed and retried
 * by an operator; and an event stored before a crash is processed when the worker runs again.
 */
@StripeWebhookIntegrationTest
class StripeWebhookDeadLetterIT {

    private static final int MAX_ATTEMPTS = 8;

    @Autowired
    ApplicationContext context;

    private LedgerApi api;
    private LedgerDb db;
    private WebhookDriver webhooks;

    @BeforeEach
    void setUp() {
        webhooks = WebhookDriver.of(context);
        api = webhooks.api();
        db = webhooks.db();
    }

    @Test
    void aFailingEventIsRetriedThenParkedAndSucceedsAfterAnOperatorRetry() {
        StripeStory story = new StripeStory(null, 2500);
        StripeApiStub.shared().fail("payment_intents", story.intentId, 500);
        String payload = StripeStory.event("payment_intent.succeeded", story.intent("succeeded"));
        String eventId = WebhookDriver.eventId(payload);
        webhooks.deliver(payload);

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            webhooks.processOnce();
            assertThat(webhooks.inboxRow(eventId))
                    .containsEntry("state", "retrying")
                    .containsEntry("attempts", attempt);
        }
        webhooks.processOnce();
        assertThat(webhooks.inboxRow(eventId)).containsEntry("state", "dead").containsEntry("attempts", MAX_ATTEMPTS);
        assertThat((String) webhooks.inboxRow(eventId).get("last_error")).contains("ProviderUnavailable");
        webhooks.processOnce();
        assertThat(webhooks.inboxRow(eventId)).containsEntry("attempts", MAX_ATTEMPTS);
        assertThat(db.eventsOf(story.paymentId())).isEmpty();
        assertThat(deadLetterIds()).contains(eventId);

        story.publishIntent("succeeded");
        LedgerApi.Answer retried = api.post("/api/webhooks/stripe/dead-letters/" + eventId + "/retry", null);
        assertThat(retried.status()).as("%s", retried).isEqualTo(200);
        assertThat(retried.json().get("state").asString()).isEqualTo("received");
        assertThat(retried.json().get("attempts").asInt()).isZero();
        webhooks.process();

        assertThat(webhooks.inboxRow(eventId)).containsEntry("state", "processed");
        assertThat(webhooks.payment(story.paymentId()).get("status").asString()).isEqualTo("succeeded");
        assertThat(deadLetterIds()).doesNotContain(eventId);
        assertProblem(
                api.post("/api/webhooks/stripe/dead-letters/" + eventId + "/retry", null),
                409,
                "invalid_state_transition");
        assertProblem(
                api.post("/api/webhooks/stripe/dead-letters/evt_unknown/retry", null), 404, "webhook_event_not_found");
    }

    @Test
    void aFailedAttemptLeavesNothingOfItsCommandsBehind() {
        StripeStory paid = new StripeStory(null, 5000).publishIntent("succeeded");
        StripeStory unreadable = new StripeStory(null, 2000);
        StripeApiStub.shared().fail("payment_intents", unreadable.intentId, 503);
        paid.publishPayout(List.of(paid.chargeTransaction(175), unreadable.chargeTransaction(88)));
        String payload = StripeStory.event("payout.paid", paid.payout(6737));
        webhooks.deliver(payload);

        webhooks.processOnce();

        assertThat(webhooks.inboxRow(WebhookDriver.eventId(payload))).containsEntry("state", "retrying");
        assertThat(db.eventsOf(paid.paymentId()))
                .as("the first payment's import, success and reconciliation were rolled back with the attempt")
                .isEmpty();

        unreadable.publishIntent("succeeded");
        webhooks.process();

        assertThat(webhooks.payment(paid.paymentId())
                        .get("reconciliation")
                        .get("status")
                        .asString())
                .isEqualTo("matched");
        assertThat(webhooks.payment(unreadable.paymentId())
                        .get("reconciliation")
                        .get("status")
                        .asString())
                .isEqualTo("matched");
    }

    @Test
    void anEventStoredBeforeACrashIsProcessedWhenTheWorkerRunsAgain() {
        StripeStory story = new StripeStory(null, 3100).publishIntent("succeeded");
        String payload = StripeStory.event("payment_intent.succeeded", story.intent("succeeded"));
        String eventId = WebhookDriver.eventId(payload);

        webhooks.deliver(payload);
        // The application stops here: the event is stored and acknowledged, nothing of it processed.
        assertThat(webhooks.inboxRow(eventId)).containsEntry("state", "received");
        assertThat(db.eventsOf(story.paymentId())).isEmpty();

        webhooks.process(); // the worker's first poll after the restart

        assertThat(webhooks.inboxRow(eventId)).containsEntry("state", "processed");
        assertThat(webhooks.payment(story.paymentId()).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void deadLettersArePaginatedAndTheLimitIsChecked() {
        for (int i = 0; i < 3; i++) {
            StripeStory story = new StripeStory(null, 1000);
            StripeApiStub.shared().fail("payment_intents", story.intentId, 500);
            webhooks.deliver(StripeStory.event("payment_intent.succeeded", story.intent("succeeded")));
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            webhooks.processOnce();
        }
        List<String> all = deadLetterIds();
        assertThat(all).hasSizeGreaterThanOrEqualTo(3);

        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            LedgerApi.Answer page = cursor == null
                    ? api.get("/api/webhooks/stripe/dead-letters", "limit", "2")
                    : api.get("/api/webhooks/stripe/dead-letters", "limit", "2", "cursor", cursor);
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.get("data").size()).isLessThanOrEqualTo(2);
            body.get("data").forEach(row -> paged.add(row.get("id").asString()));
            cursor = body.get("hasMore").asBoolean() ? body.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(paged).isEqualTo(all);

        assertProblem(api.get("/api/webhooks/stripe/dead-letters", "limit", "0"), 400, "validation_failed");
        assertProblem(api.get("/api/webhooks/stripe/dead-letters", "cursor", "garbage"), 400, "validation_failed");
    }

    private List<String> deadLetterIds() {
        LedgerApi.Answer answer = api.get("/api/webhooks/stripe/dead-letters", "limit", "100");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json().get("data").findValuesAsString("id");
    }
}
