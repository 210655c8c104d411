package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.StripeApiStub;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What each Stripe event type does to the ledger: signed events delivered over HTTP, processed by the inbox worker
 * against Stripe's current objects (served by the stub), then the payment resource, its events with their metadata,
 * and its journal.
 */
@StripeWebhookIntegrationTest
class StripeWebhookTranslationIT {

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

    // --- PaymentIntents ----------------------------------------------------------------------------------------------

    @Test
    void paymentIntentSucceededRecordsTheSuccessOfALedgerPaymentWithTheEventAsCause() {
        StripeStory story = new StripeStory(pendingPayment(5000), 5000).publishIntent("succeeded");

        String eventId = deliverAndProcess("payment_intent.succeeded", story.intent("succeeded"));

        JsonNode payment = webhooks.payment(story.paymentId());
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        List<LedgerDb.StoredEvent> events = db.eventsOf(story.paymentId());
        assertThat(events).extracting(LedgerDb.StoredEvent::type).containsExactly("PaymentCreated", "PaymentSucceeded");
        assertThat(events.get(1))
                .isEqualTo(new LedgerDb.StoredEvent(1, "PaymentSucceeded", eventId, eventId, "webhook", "stripe"));
        assertThat(webhooks.inboxRow(eventId))
                .containsEntry("state", "processed")
                .containsEntry("attempts", 0);
        assertThat(webhooks.journal(story.paymentId()))
                .isEqualTo(Map.of("customer_payments", -5000L, "processor_clearing", 5000L));
    }

    @Test
    void paymentIntentPaymentFailedRecordsTheDecline() {
        StripeStory story = new StripeStory(pendingPayment(3000), 3000).publishIntent("requires_payment_method");

        deliverAndProcess("payment_intent.payment_failed", story.intent("requires_payment_method"));

        JsonNode payment = webhooks.payment(story.paymentId());
        assertThat(payment.get("status").asString()).isEqualTo("failed");
        assertThat(payment.get("failure").get("code").asString()).isEqualTo("insufficient_funds");
        assertThat(payment.get("failure").get("message").asString()).isEqualTo("Your card has insufficient funds.");
    }

    @Test
    void paymentIntentCanceledCancelsThePayment() {
        StripeStory story = new StripeStory(pendingPayment(3000), 3000).publishIntent("canceled");

        deliverAndProcess("payment_intent.canceled", story.intent("canceled"));

        assertThat(webhooks.payment(story.paymentId()).get("status").asString()).isEqualTo("canceled");
    }

    @Test
    void paymentIntentProcessingAndRequiresActionMoveThePaymentOn() {
        StripeStory processing = new StripeStory(pendingPayment(3000), 3000).publishIntent("processing");
        StripeStory action = new StripeStory(pendingPayment(3000), 3000).publishIntent("requires_action");

        deliverAndProcess("payment_intent.processing", processing.intent("processing"));
        deliverAndProcess("payment_intent.requires_action", action.intent("requires_action"));

        assertThat(webhooks.payment(processing.paymentId()).get("status").asString())
                .isEqualTo("processing");
        assertThat(webhooks.payment(action.paymentId()).get("status").asString())
                .isEqualTo("requires_action");
    }

    @Test
    void aPaymentIntentTheLedgerNeverCreatedIsImportedWithSourceWebhook() {
        StripeStory story = new StripeStory(null, 4200).publishIntent("succeeded");

        String eventId = deliverAndProcess("payment_intent.succeeded", story.intent("succeeded"));

        JsonNode payment = webhooks.payment(story.paymentId());
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("amount").asLong()).isEqualTo(4200);
        assertThat(payment.get("provider").asString()).isEqualTo("stripe");
        assertThat(payment.get("providerPaymentId").asString()).isEqualTo(story.intentId);
        assertThat(payment.get("orderId").asString()).isEqualTo("order_" + story.suffix);
        assertThat(db.eventsOf(story.paymentId()))
                .containsExactly(
                        new LedgerDb.StoredEvent(0, "PaymentCreated", eventId, eventId, "webhook", "stripe"),
                        new LedgerDb.StoredEvent(1, "PaymentSucceeded", eventId, eventId, "webhook", "stripe"));
    }

    // --- Checkout --------------------------------------------------------------------------------------------------

    @Test
    void aCompletedCheckoutSessionImportsItsPaidPayment() {
        StripeStory story = new StripeStory(null, 1800).publishIntent("succeeded");

        deliverAndProcess("checkout.session.completed", story.session("payment", "paid"));

        assertThat(webhooks.payment(story.paymentId()).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void anAsynchronousCheckoutPaymentSucceedsOrFailsLater() {
        StripeStory succeeds = new StripeStory(null, 1800).publishIntent("processing");
        StripeStory fails = new StripeStory(null, 1800).publishIntent("processing");
        deliverAndProcess("checkout.session.completed", succeeds.session("payment", "unpaid"));
        deliverAndProcess("checkout.session.completed", fails.session("payment", "unpaid"));
        assertThat(webhooks.payment(succeeds.paymentId()).get("status").asString())
                .isEqualTo("processing");

        succeeds.publishIntent("succeeded");
        fails.publishIntent("requires_payment_method");
        deliverAndProcess("checkout.session.async_payment_succeeded", succeeds.session("payment", "paid"));
        deliverAndProcess("checkout.session.async_payment_failed", fails.session("payment", "unpaid"));

        assertThat(webhooks.payment(succeeds.paymentId()).get("status").asString())
                .isEqualTo("succeeded");
        assertThat(webhooks.payment(fails.paymentId()).get("status").asString()).isEqualTo("failed");
    }

    @Test
    void aCheckoutSessionWithoutPaymentIsStoredAndIgnored() {
        StripeStory story = new StripeStory(null, 1800);

        String eventId = deliverAndProcess("checkout.session.completed", story.session("subscription", "paid"));

        assertThat(webhooks.inboxRow(eventId)).containsEntry("state", "ignored");
    }

    // --- refunds ----------------------------------------------------------------------------------------------------

    @Test
    void chargeRefundedRecordsEverySettledRefundOfTheCharge() {
        StripeStory story = new StripeStory(null, 5000).publishIntent("succeeded");
        story.publishRefund("re_3A" + story.suffix, 1000, "succeeded", null)
                .publishRefund("re_3B" + story.suffix, 500, "succeeded", null)
                .publishRefund("re_3C" + story.suffix, 700, "pending", null);

        deliverAndProcess("charge.refunded", story.charge(1500));

        JsonNode payment = webhooks.payment(story.paymentId());
        assertThat(payment.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(payment.get("amountRefunded").asLong()).isEqualTo(1500);
        assertThat(payment.get("refunds")).hasSize(2);
        assertThat(payment.get("refunds").findValuesAsString("id"))
                .containsExactlyInAnyOrder("re_re3A" + story.suffix, "re_re3B" + story.suffix);
        assertThat(webhooks.journal(story.paymentId()))
                .containsEntry("refunds", 1500L)
                .containsEntry("processor_clearing", 3500L);
        assertThat(StripeApiStub.shared().requests())
                .as("the PaymentIntent is read once for the charge and all its refunds")
                .filteredOn(path -> path.equals("/v1/payment_intents/" + story.intentId))
                .hasSize(1);
    }

    @Test
    void refundEventsSettleOrFailARefund() {
        StripeStory story = new StripeStory(null, 5000).publishIntent("succeeded");
        story.publishRefund("re_3C" + story.suffix, 700, "succeeded", null)
                .publishRefund("re_3D" + story.suffix, 300, "failed", null);

        deliverAndProcess("charge.refund.updated", story.refund("re_3C" + story.suffix, 700, "succeeded", null));
        deliverAndProcess("refund.failed", story.refund("re_3D" + story.suffix, 300, "failed", null));

        JsonNode payment = webhooks.payment(story.paymentId());
        assertThat(payment.get("amountRefunded").asLong()).isEqualTo(700);
        assertThat(payment.get("refunds").findValuesAsString("status"))
                .containsExactlyInAnyOrder("succeeded", "failed");
    }

    @Test
    void aRefundTheLedgerAskedForSettlesUnderItsOwnId() {
        String paymentId = pendingPayment(5000);
        StripeStory story = new StripeStory(paymentId, 5000).publishIntent("succeeded");
        String refundId = "re_" + "L".repeat(4) + story.suffix;
        story.publishRefund("re_3E" + story.suffix, 1200, "succeeded", refundId);

        deliverAndProcess("refund.updated", story.refund("re_3E" + story.suffix, 1200, "succeeded", refundId));

        JsonNode payment = webhooks.payment(paymentId);
        assertThat(payment.get("status").asString()).isEqualTo("partially_refunded");
        assertThat(payment.get("refunds").get(0).get("id").asString()).isEqualTo(refundId);
    }

    // --- disputes ---------------------------------------------------------------------------------------------------

    @Test
    void aDisputeWithdrawsAndAWonDisputeReturnsAmountAndFee() {
        StripeStory story =
                new StripeStory(null, 5000).publishIntent("succeeded").publishDispute("needs_response", 5000);

        deliverAndProcess("charge.dispute.created", story.dispute("needs_response", 5000));
        assertThat(webhooks.journal(story.paymentId()))
                .containsEntry("disputed_funds", 6500L)
                .containsEntry("processor_balance", -6500L);
        JsonNode open = disputes(story.paymentId());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("id").asString()).isEqualTo(story.disputeId);
        assertThat(open.get(0).get("paymentId").asString()).isEqualTo(story.paymentId());
        assertThat(open.get(0).get("amount").asLong()).isEqualTo(5000);
        assertThat(open.get(0).get("fee").asLong()).isEqualTo(1500);
        assertThat(open.get(0).get("currency").asString()).isEqualTo("usd");
        assertThat(open.get(0).get("status").asString()).isEqualTo("open");
        assertThat(open.get(0).get("reason").asString()).isEqualTo("fraudulent");
        assertThat(open.get(0).get("openedAt").asString()).isNotBlank();
        assertThat(open.get(0).get("closedAt").isNull()).isTrue();

        story.publishDispute("won", 5000);
        deliverAndProcess("charge.dispute.closed", story.dispute("won", 5000));

        assertThat(webhooks.payment(story.paymentId()).get("status").asString()).isEqualTo("succeeded");
        JsonNode won = disputes(story.paymentId());
        assertThat(won).hasSize(1);
        assertThat(won.get(0).get("status").asString()).isEqualTo("won");
        assertThat(won.get(0).get("closedAt").asString()).isNotBlank();
        assertThat(db.eventsOf(story.paymentId()))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentSucceeded", "DisputeOpened", "DisputeWon");
        assertThat(webhooks.journal(story.paymentId()))
                .containsEntry("disputed_funds", 0L)
                .containsEntry("processor_balance", 0L)
                .doesNotContainKeys("dispute_losses", "dispute_fees");
    }

    @Test
    void aLostDisputeCostsTheAmountAndTheFee() {
        StripeStory story =
                new StripeStory(null, 5000).publishIntent("succeeded").publishDispute("lost", 4000);

        deliverAndProcess("charge.dispute.closed", story.dispute("lost", 4000));

        assertThat(db.eventsOf(story.paymentId()))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentSucceeded", "DisputeOpened", "DisputeLost");
        assertThat(webhooks.journal(story.paymentId()))
                .containsEntry("dispute_losses", 4000L)
                .containsEntry("dispute_fees", 1500L)
                .containsEntry("disputed_funds", 0L)
                .containsEntry("processor_balance", -5500L);
        assertThat(webhooks.payment(story.paymentId()).get("version").asLong()).isEqualTo(4);
        JsonNode lost = disputes(story.paymentId());
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).get("status").asString()).isEqualTo("lost");
        assertThat(lost.get(0).get("amount").asLong()).isEqualTo(4000);
        assertThat(lost.get(0).get("fee").asLong()).isEqualTo(1500);
    }

    @Test
    void aPaymentWithoutDisputesListsNoneAndAnUnknownPaymentHasNoDisputesResource() {
        StripeStory story = new StripeStory(pendingPayment(2500), 2500).publishIntent("succeeded");
        deliverAndProcess("payment_intent.succeeded", story.intent("succeeded"));

        assertThat(disputes(story.paymentId())).isEmpty();
        LedgerApi.assertProblem(
                api.get("/api/payments/pay_NoSuchPayment000000000000/disputes"), 404, "payment_not_found");
    }

    /** GET /api/payments/{id}/disputes: its data. */
    private JsonNode disputes(String paymentId) {
        LedgerApi.Answer answer = api.get("/api/payments/" + paymentId + "/disputes");
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.json().propertyNames()).containsExactly("data", "hasMore", "nextCursor");
        assertThat(answer.json().get("hasMore").asBoolean()).isFalse();
        return answer.json().get("data");
    }

    /**
     * The migration that added the payment's disputes fills them from the events already stored: run again over a
     * dispute whose row is gone, it writes the row the projection wrote.
     */
    @Test
    void theMigrationFillsDisputesFromStoredEventsAsTheProjectionDoes() throws IOException {
        StripeStory story =
                new StripeStory(null, 5000).publishIntent("succeeded").publishDispute("lost", 4000);
        deliverAndProcess("charge.dispute.closed", story.dispute("lost", 4000));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        String row = "SELECT to_jsonb(d)::text FROM dispute_view d WHERE dispute_id = ?";
        String projected =
                jdbc.sql(row).param(story.disputeId).query(String.class).single();

        jdbc.sql("DELETE FROM dispute_view WHERE dispute_id = ?")
                .param(story.disputeId)
                .update();
        String migration = new ClassPathResource("db/migration/query/V2026_11_23_70__dispute_view.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        String backfill = migration.substring(migration.indexOf("INSERT INTO dispute_view"));
        for (String statement : backfill.split(";")) {
            if (!statement.isBlank()) {
                jdbc.sql(statement).update();
            }
        }

        assertThat(jdbc.sql(row).param(story.disputeId).query(String.class).single())
                .isEqualTo(projected);
        assertThat(projected).contains("\"status\": \"lost\"");
    }

    @Test
    void aDisputeRenderedWithoutItsPaymentIntentIsFoundThroughItsCharge() {
        StripeStory story = new StripeStory(null, 5000).publishIntent("succeeded");
        String dispute = story.dispute("needs_response", 5000)
                .replace("\"payment_intent\": \"" + story.intentId + "\"", "\"payment_intent\": null");
        assertThat(dispute).contains("\"payment_intent\": null");
        StripeApiStub.shared().put("disputes", story.disputeId, dispute);
        StripeApiStub.shared().put("charges", story.chargeId, story.charge(0));

        deliverAndProcess("charge.dispute.created", dispute);

        assertThat(db.eventsOf(story.paymentId()))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated", "PaymentSucceeded", "DisputeOpened");
    }

    // --- payouts ----------------------------------------------------------------------------------------------------

    @Test
    void aPaidPayoutReconcilesEveryPaymentItPaidOut() {
        StripeStory first = new StripeStory(null, 5000).publishIntent("succeeded");
        StripeStory second = new StripeStory(null, 2000).publishIntent("succeeded");
        StripeStory third = new StripeStory(pendingPayment(1000), 1000).publishIntent("succeeded");
        first.publishPayout(
                List.of(first.chargeTransaction(175), second.chargeTransaction(88), third.chargeTransaction(59)));

        deliverAndProcess("payout.paid", first.payout(7678));

        for (StripeStory story : List.of(first, second, third)) {
            JsonNode reconciliation = webhooks.payment(story.paymentId()).get("reconciliation");
            assertThat(reconciliation.get("status").asString()).isEqualTo("matched");
            assertThat(reconciliation.get("settlementId").asString()).isEqualTo(first.payoutId);
            assertThat(reconciliation.get("settledAt").asString()).isEqualTo("2025-11-24T00:00:00Z");
        }
        assertThat(webhooks.payment(third.paymentId())
                        .get("reconciliation")
                        .get("fee")
                        .asLong())
                .isEqualTo(59);
        assertThat(webhooks.journal(first.paymentId()))
                .containsEntry("processing_fees", 175L)
                .containsEntry("processor_balance", 4825L)
                .containsEntry("processor_clearing", 0L);
    }

    @Test
    void anUnknownEventTypeIsStoredAndIgnored() {
        String eventId = deliverAndProcess("customer.created", "{\"id\": \"cus_X\", \"object\": \"customer\"}");

        assertThat(webhooks.inboxRow(eventId)).containsEntry("state", "ignored");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private String deliverAndProcess(String type, String object) {
        String payload = StripeStory.event(type, object);
        webhooks.deliver(payload);
        webhooks.process();
        String eventId = WebhookDriver.eventId(payload);
        assertThat(webhooks.inboxRow(eventId).get("state")).isIn("processed", "ignored");
        return eventId;
    }

    /** A payment created through the API and not yet charged, as before the customer pays at Stripe. */
    private String pendingPayment(long amount) {
        LedgerApi.Answer created =
                api.post("/api/payments", Map.of("amount", amount, "currency", "usd", "customerId", "cus_webhook"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
