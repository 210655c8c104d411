package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.StripeApiStub;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import io.ledger.command.stripe.StripeStub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A hosted checkout session with Stripe as the provider is completed by the webhooks the ledger already handles: the
 * {@code checkout.session.completed} event names the session's PaymentIntent, which Stripe made with our payment id in
 * its metadata, so the sync records the success on our payment (no import), and the session reads complete.
 */
@StripeWebhookIntegrationTest
class CheckoutWebhookIT {

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
    void checkoutSessionCompletedCompletesTheSessionsPayment() {
        JsonNode session = openSession(1800, "cus_webhook");
        String sessionId = session.get("id").asString();
        String paymentId = session.get("paymentId").asString();

        String payload = StripeStory.event("checkout.session.completed", completedSession(paymentId, 1800));
        webhooks.deliver(payload);
        webhooks.process();

        assertThat(webhooks.inboxRow(WebhookDriver.eventId(payload))).containsEntry("state", "processed");
        JsonNode payment = webhooks.payment(paymentId);
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        List<LedgerDb.StoredEvent> events = db.eventsOf(paymentId);
        assertThat(events).extracting(LedgerDb.StoredEvent::type).containsExactly("PaymentCreated", "PaymentSucceeded");
        assertThat(events.get(1).source()).isEqualTo("webhook");
        assertThat(api.get("/api/checkout/sessions/" + sessionId)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("complete");
    }

    /**
     * The money was captured by Checkout's PaymentIntent, not by the one made when the payment was created: the payment
     * adopts it, so a refund goes to the PaymentIntent that was charged (Stripe refuses a refund of the other).
     */
    @Test
    void aCheckoutPaymentIsRefundedThroughThePaymentIntentCheckoutCharged() {
        String paymentId = openSession(2500, "cus_refund").get("paymentId").asString();
        String checkoutIntent = checkoutIntentOf(paymentId);
        webhooks.deliver(StripeStory.event("checkout.session.completed", completedSession(paymentId, 2500)));
        webhooks.process();
        assertThat(webhooks.payment(paymentId).get("providerPaymentId").asString())
                .isEqualTo(checkoutIntent);

        LedgerApi.Answer refund = api.post("/api/payments/" + paymentId + "/refunds", Map.of("amount", 1000));

        assertThat(refund.status()).as("%s", refund).isEqualTo(201);
        assertThat(refund.json().get("status").asString()).isEqualTo("succeeded");
        String refundId = refund.json().get("id").asString();
        List<StripeStub.Received> sent = StripeApiStub.shared().received("POST", "/v1/refunds").stream()
                .filter(request -> refundId.equals(request.idempotencyKey()))
                .toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).form())
                .containsEntry("payment_intent", checkoutIntent)
                .containsEntry("amount", "1000");
        assertThat(db.eventsOf(paymentId))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentSucceeded", "RefundRequested", "RefundSucceeded");
    }

    private JsonNode openSession(long amount, String customerId) {
        LedgerApi.Answer created = api.post(
                "/api/checkout/sessions",
                Map.of(
                        "amount",
                        amount,
                        "currency",
                        "usd",
                        "customerId",
                        customerId,
                        "successUrl",
                        "https://shop.example/thanks"),
                "Idempotency-Key",
                LedgerApi.newIdempotencyKey());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    /**
     * The session as Stripe has it once the customer paid: complete, naming the PaymentIntent Checkout made when the
     * customer paid (with the metadata the ledger asked for), which the stub then serves as succeeded.
     */
    private static String completedSession(String paymentId, long amount) {
        StripeStory story = new StripeStory(paymentId, amount);
        String checkoutIntent = checkoutIntentOf(paymentId);
        StripeApiStub.shared()
                .put(
                        "payment_intents",
                        checkoutIntent,
                        story.intent("succeeded").replace(story.intentId, checkoutIntent));
        return story.session("payment", "paid")
                .replace(story.intentId, checkoutIntent)
                .replace("cs_test_" + story.suffix, StripeApiStub.sessionIdOf(paymentId));
    }

    /** The id the stub gives the PaymentIntent Checkout makes for the payment: not the ledger's {@code pi_<paymentId>}. */
    private static String checkoutIntentOf(String paymentId) {
        return "pi_3cs" + paymentId.substring("pay_".length());
    }
}
