package io.ledger.webhook.stripe;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.StripeApiStubEnvironmentPostProcessor;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@code POST /api/webhooks/stripe} as Stripe and forgers call it: a verified event is stored and acknowledged at
 * once, a redelivery is a duplicate, and every forged, stale, future-dated, malformed or oversized request is refused
 * with nothing stored.
 */
@StripeWebhookIntegrationTest
class StripeWebhookReceivingIT {

    private static final String SECRET = StripeApiStubEnvironmentPostProcessor.SECRET;

    @Autowired
    ApplicationContext context;

    private WebhookDriver webhooks;
    private LedgerDb db;
    private StripeStory story;
    private String payload;
    private String eventId;

    @BeforeEach
    void setUp() {
        webhooks = WebhookDriver.of(context);
        db = webhooks.db();
        story = new StripeStory(null, 2500).publishIntent("succeeded");
        payload = StripeStory.event("payment_intent.succeeded", story.intent("succeeded"));
        eventId = WebhookDriver.eventId(payload);
    }

    @Test
    void aVerifiedEventIsStoredAsReceivedAndAcknowledgedAtOnce() {
        LedgerApi.Answer answer = webhooks.deliver(payload);

        assertThat(answer.json().get("received").asBoolean()).isTrue();
        assertThat(answer.json().get("duplicate").asBoolean()).isFalse();
        Map<String, Object> row = webhooks.inboxRow(eventId);
        assertThat(row)
                .containsEntry("state", "received")
                .containsEntry("attempts", 0)
                .containsEntry("event_type", "payment_intent.succeeded")
                .containsEntry("api_version", StripeStory.API_VERSION)
                .containsEntry("payload", payload);
        assertThat(db.eventsOf(story.paymentId()))
                .as("processing is asynchronous")
                .isEmpty();
    }

    @Test
    void aRedeliveryIsADuplicateAndChangesNothing() {
        webhooks.deliver(payload);
        webhooks.process();
        long events = db.eventsOf(story.paymentId()).size();

        LedgerApi.Answer again = webhooks.deliver(payload);
        webhooks.process();

        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(webhooks.inboxRows(eventId)).isOne();
        assertThat(webhooks.inboxRow(eventId)).containsEntry("state", "processed");
        assertThat(db.eventsOf(story.paymentId())).hasSize((int) events);
        assertThat(events).isEqualTo(2); // imported and succeeded, once
    }

    @Test
    void anIdempotencyKeyOnADeliveryIsNotStoredForStripesEventIdsDeduplicateDeliveries() {
        String key = "key-" + eventId;
        StripeStory other = new StripeStory(null, 1200).publishIntent("succeeded");
        String otherPayload = StripeStory.event("payment_intent.succeeded", other.intent("succeeded"));

        LedgerApi.Answer first = deliverWithKey(payload, key);
        LedgerApi.Answer another = deliverWithKey(otherPayload, key);
        LedgerApi.Answer again = deliverWithKey(payload, key);

        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(another.status())
                .as("another event with the same key is no reuse: %s", another)
                .isEqualTo(200);
        assertThat(another.json().get("duplicate").asBoolean()).isFalse();
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(db.idempotencyRows(key)).isZero();
    }

    @Test
    void anEventSignedWithThePreviousSecretIsAcceptedDuringRotation() {
        LedgerApi.Answer answer = webhooks.post(
                payload,
                WebhookDriver.sign(payload, StripeApiStubEnvironmentPostProcessor.PREVIOUS_SECRET, Instant.now()));

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(webhooks.inboxRows(eventId)).isOne();
    }

    @Test
    void aTamperedBodyIsRefused() {
        String signature = WebhookDriver.sign(payload, SECRET, Instant.now());
        refused(webhooks.post(payload.replace("2500", "2600"), signature), 400, "invalid_signature");
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        refused(
                webhooks.post(payload, WebhookDriver.sign(payload, "whsec_forged", Instant.now())),
                400,
                "invalid_signature");
    }

    @Test
    void aMissingSignatureIsRefused() {
        refused(webhooks.post(payload, null), 400, "invalid_signature");
    }

    @Test
    void aStaleSignatureIsRefused() {
        refused(
                webhooks.post(
                        payload,
                        WebhookDriver.sign(payload, SECRET, Instant.now().minusSeconds(301))),
                400,
                "invalid_signature");
    }

    @Test
    void aFutureDatedSignatureIsRefused() {
        refused(
                webhooks.post(
                        payload,
                        WebhookDriver.sign(payload, SECRET, Instant.now().plusSeconds(3600))),
                400,
                "invalid_signature");
    }

    @Test
    void aTruncatedBodyIsRefusedEvenWhenSigned() {
        String truncated = payload.substring(0, payload.length() / 2);
        refused(
                webhooks.post(truncated, WebhookDriver.sign(truncated, SECRET, Instant.now())),
                400,
                "validation_failed");
    }

    @Test
    void signedJsonOfTheWrongShapeIsRefused() {
        String charge = story.charge(0);
        LedgerApi.Answer answer = webhooks.post(charge, WebhookDriver.sign(charge, SECRET, Instant.now()));
        refused(answer, 400, "validation_failed");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("id");

        String noObject = "{\"id\": \"" + eventId + "\", \"object\": \"event\", \"type\": \"payment_intent.succeeded\","
                + " \"created\": 1763800000, \"data\": {}}";
        refused(webhooks.post(noObject, WebhookDriver.sign(noObject, SECRET, Instant.now())), 400, "validation_failed");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String padded = payload.replace(
                "\"livemode\": false,", "\"livemode\": false, \"padding\": \"" + "x".repeat(70_000) + "\",");
        refused(webhooks.post(padded, WebhookDriver.sign(padded, SECRET, Instant.now())), 413, "payload_too_large");
    }

    private LedgerApi.Answer deliverWithKey(String body, String key) {
        LedgerApi.Answer answer = webhooks.api()
                .post(
                        WebhookDriver.PATH,
                        body,
                        "Stripe-Signature",
                        WebhookDriver.sign(body, SECRET, Instant.now()),
                        "Idempotency-Key",
                        key);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer;
    }

    private void refused(LedgerApi.Answer answer, int status, String code) {
        assertProblem(answer, status, code);
        assertThat(webhooks.inboxRows(eventId)).as("nothing stored").isZero();
        assertThat(db.eventsOf(story.paymentId())).isEmpty();
    }
}
