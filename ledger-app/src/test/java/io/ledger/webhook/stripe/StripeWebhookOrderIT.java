package io.ledger.webhook.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;
import tools.jackson.databind.JsonNode;

/**
 * Order does not matter: one payment's Stripe events (processing, succeeded, a partial refund reported by the charge
 * and by the refund, a dispute opened and lost, the payout) delivered in any order, some of them twice, leave the same
 * payment and the same journal as in-order delivery. Compared: status, amounts, refunds (id, amount, status),
 * reconciliation, provider fields, failure, and the payment's journal lines; not the version, event ids or timestamps
 * (in-order delivery may record more intermediate steps). Runs against the shared application (jqwik has no Spring
 * extension, so the test instance is prepared by Spring's TestContextManager, which uses the same context cache).
 */
@StripeWebhookIntegrationTest
class StripeWebhookOrderIT {

    private static final long AMOUNT = 5000;
    private static final long REFUND = 1000;
    private static final long DISPUTED = 2000;

    @Autowired
    ApplicationContext context;

    private WebhookDriver webhooks;
    private LedgerApi api;

    @BeforeProperty
    void prepare() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        webhooks = WebhookDriver.of(context);
        api = webhooks.api();
    }

    @Property(tries = 6, seed = "20261123")
    void anyOrderAndDuplicationOfAPaymentsEventsYieldsTheInOrderLedger(
            @ForAll("deliveries") List<Integer> order, @ForAll boolean createdByTheLedger) {
        StripeStory inOrder = story(createdByTheLedger);
        List<String> expected = events(inOrder);
        for (String event : expected) {
            deliverAndProcess(event);
        }

        StripeStory shuffled = story(createdByTheLedger);
        List<String> events = events(shuffled);
        for (int index : order) {
            deliverAndProcess(events.get(index));
        }

        assertThat(state(shuffled)).isEqualTo(state(inOrder));
        assertThat(webhooks.journalLines(shuffled.paymentId()))
                .isEqualTo(webhooks.journalLines(inOrder.paymentId()))
                .isNotEmpty();
        assertThat(webhooks.journal(shuffled.paymentId())).isEqualTo(webhooks.journal(inOrder.paymentId()));
    }

    /** Every event at least once, in a random order, with up to three of them delivered again somewhere. */
    @Provide
    Arbitrary<List<Integer>> deliveries() {
        List<Integer> each = List.of(0, 1, 2, 3, 4, 5, 6);
        Arbitrary<List<Integer>> shuffled = Arbitraries.shuffle(each);
        Arbitrary<List<Integer>> again =
                Arbitraries.integers().between(0, 6).list().ofMaxSize(3);
        Arbitrary<List<Integer>> where =
                Arbitraries.integers().between(0, 10).list().ofSize(3);
        return Combinators.combine(shuffled, again, where).as((base, repeats, positions) -> {
            List<Integer> order = new ArrayList<>(base);
            for (int i = 0; i < repeats.size(); i++) {
                order.add(Math.min(positions.get(i), order.size()), repeats.get(i));
            }
            return order;
        });
    }

    /** Stripe's state once everything happened: succeeded, refunded in part, disputed and lost, paid out. */
    private StripeStory story(boolean createdByTheLedger) {
        String paymentId = null;
        if (createdByTheLedger) {
            LedgerApi.Answer created =
                    api.post("/api/payments", Map.of("amount", AMOUNT, "currency", "usd", "customerId", "cus_order"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            paymentId = created.json().get("id").asString();
        }
        StripeStory story = new StripeStory(paymentId, AMOUNT).publishIntent("succeeded");
        story.publishRefund("re_3A" + story.suffix, REFUND, "succeeded", null);
        story.publishDispute("lost", DISPUTED);
        story.publishPayout(List.of(story.chargeTransaction(175)));
        return story;
    }

    /** The events Stripe sent along the way, each object as it stood when its event was sent. */
    private static List<String> events(StripeStory story) {
        String refund = "re_3A" + story.suffix;
        return List.of(
                StripeStory.event("payment_intent.processing", story.intent("processing")),
                StripeStory.event("payment_intent.succeeded", story.intent("succeeded")),
                StripeStory.event("charge.refunded", story.charge(REFUND)),
                StripeStory.event("charge.refund.updated", story.refund(refund, REFUND, "succeeded", null)),
                StripeStory.event("charge.dispute.created", story.dispute("needs_response", DISPUTED)),
                StripeStory.event("charge.dispute.closed", story.dispute("lost", DISPUTED)),
                StripeStory.event("payout.paid", story.payout(AMOUNT - 175)));
    }

    private void deliverAndProcess(String payload) {
        webhooks.deliver(payload);
        webhooks.process();
        assertThat(webhooks.inboxRow(WebhookDriver.eventId(payload)).get("state"))
                .isEqualTo("processed");
    }

    /** The payment resource without what may differ: its id, version, timestamps and story-specific ids. */
    private String state(StripeStory story) {
        JsonNode payment = webhooks.payment(story.paymentId());
        StringBuilder state = new StringBuilder();
        for (String field : List.of("status", "amount", "currency", "amountRefunded", "provider", "failure")) {
            state.append(field).append('=').append(payment.get(field)).append(' ');
        }
        payment.get("refunds")
                .forEach(refund -> state.append("refund ")
                        .append(refund.get("id").asString().replace(story.suffix, "*"))
                        .append(' ')
                        .append(refund.get("amount"))
                        .append(' ')
                        .append(refund.get("status"))
                        .append(' '));
        JsonNode reconciliation = payment.get("reconciliation");
        state.append("reconciliation ")
                .append(reconciliation.get("status"))
                .append(' ')
                .append(reconciliation.get("fee"))
                .append(' ')
                .append(reconciliation.get("netAmount"))
                .append(' ')
                .append(reconciliation.get("settledAt"))
                .append(' ')
                .append(reconciliation.get("settlementId").asString().replace(story.suffix, "*"));
        state.append(" providerPaymentId ")
                .append(payment.get("providerPaymentId")
                        .asString()
                        .replace(story.suffix, "*")
                        .replace(story.paymentId(), "*"));
        return state.toString();
    }
}
