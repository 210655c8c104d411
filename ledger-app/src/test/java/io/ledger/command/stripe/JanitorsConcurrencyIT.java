package io.ledger.command.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ledger.api.payment.PaymentCommand;
import io.ledger.app.support.Concurrently;
import io.ledger.app.support.CountingCommands;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.StripeApiStub;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Two Stripe janitors on one database, as two nodes run them (the application's own, every 30 s, may join in): every
 * due payment is looked at once (one read of its PaymentIntent at Stripe), the news found is recorded once, and the
 * rows with nothing new move on to their next check.
 */
@StripeWebhookIntegrationTest
class JanitorsConcurrencyIT {

    private static final int PAYMENTS = 60;

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    StripeApi stripe;

    @Autowired
    JanitorSettings settings;

    @Test
    void twoJanitorsLookAtEveryDuePaymentOnceBetweenThem() throws Exception {
        List<String> payments = stripePayments(PAYMENTS);
        List<String> canceledAtStripe = payments.subList(0, PAYMENTS / 2);
        canceledAtStripe.forEach(JanitorsConcurrencyIT::cancelAtStripe);
        int requestsBefore = StripeApiStub.shared().requests().size();
        int due = jdbc.sql("UPDATE stripe_payment_watch SET next_check_at = now() - interval '1 second'"
                        + " WHERE payment_id IN (:ids)")
                .param("ids", payments)
                .update();
        assertThat(due).isEqualTo(PAYMENTS);
        CountingCommands first = counting();
        CountingCommands second = counting();

        Concurrently.run(Duration.ofMinutes(2), untilNoneDue(janitor(first)), untilNoneDue(janitor(second)));

        List<String> reads = StripeApiStub.shared()
                .requests()
                .subList(requestsBefore, StripeApiStub.shared().requests().size());
        for (String payment : payments) {
            assertThat(reads.stream()
                            .filter(("/v1/payment_intents/" + StripeApiStub.intentIdOf(payment))::equals)
                            .count())
                    .as("reads of %s's PaymentIntent", payment)
                    .isOne();
        }
        assertThat(CountingCommands.together(first, second).values())
                .as("commands per payment")
                .allSatisfy(count -> assertThat(count).isOne());
        // The application's own janitor may have claimed one of them while the two ran, and still be recording it
        // when they find none due: its outcome is waited for, not raced.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Integer> cancellations = eventsOf(payments, "PaymentCanceled");
            assertThat(cancellations).containsOnlyKeys(canceledAtStripe);
            assertThat(cancellations.values()).containsOnly(1);
            assertThat(jdbc.sql("SELECT count(*) FROM stripe_payment_watch WHERE payment_id IN (:ids)"
                                    + " AND checks = 1 AND next_check_at > now() + interval '50 minutes'")
                            .param("ids", payments.subList(PAYMENTS / 2, PAYMENTS))
                            .query(Long.class)
                            .single())
                    .as("payments with nothing new, next looked at after the backoff's second step (1 h)")
                    .isEqualTo(PAYMENTS / 2);
        });
        System.out.printf(
                "two janitors: %d and %d commands for %d due payments%n", first.total(), second.total(), PAYMENTS);
    }

    private Callable<Integer> untilNoneDue(StripeJanitor janitor) {
        return () -> {
            int payments = 0;
            while (janitor.settleNextPayment()) {
                payments++;
            }
            return payments;
        };
    }

    private StripeJanitor janitor(CountingCommands counted) {
        return new StripeJanitor(
                new Watches(jdbc, settings.schedule(), Clock.systemUTC(), settings.lease()),
                counted.gateway(),
                stripe,
                settings.batchSize());
    }

    private CountingCommands counting() {
        return new CountingCommands(
                commands, command -> ((PaymentCommand) command).paymentId().value());
    }

    /** Payments with Stripe as the provider, each with its PaymentIntent waiting for a payment method. */
    private List<String> stripePayments(int count) throws Exception {
        LedgerApi api = new LedgerApi(client);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger tickets = new AtomicInteger();
        Callable<Void> creator = () -> {
            while (tickets.getAndIncrement() < count) {
                LedgerApi.Answer created = api.post(
                        "/api/payments", Map.of("amount", 4200, "currency", "usd", "customerId", "cus_janitors"));
                assertThat(created.status()).as("%s", created).isEqualTo(201);
                ids.add(created.json().get("id").asString());
            }
            return null;
        };
        Concurrently.run(Duration.ofMinutes(2), creator, creator, creator);
        return List.copyOf(ids);
    }

    /** Stripe now says the PaymentIntent was canceled (in its dashboard, say): news the janitor brings. */
    private static void cancelAtStripe(String paymentId) {
        String id = StripeApiStub.intentIdOf(paymentId);
        StripeApiStub.shared().put("payment_intents", id, """
                {"id": "%s", "object": "payment_intent", "amount": 4200, "currency": "usd",
                 "capture_method": "automatic", "client_secret": "%s_secret_stub", "confirmation_method": "automatic",
                 "created": 1763800000, "livemode": false, "metadata": {"paymentId": "%s"},
                 "payment_method_types": ["card"], "latest_charge": null, "last_payment_error": null,
                 "next_action": null, "cancellation_reason": "abandoned", "status": "canceled"}
                """.formatted(id, id, paymentId));
    }

    private Map<String, Integer> eventsOf(List<String> payments, String type) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql(
                        "SELECT aggregate_identifier, count(*) AS events FROM domain_event_entry"
                                + " WHERE payload_type = :type AND aggregate_identifier IN (:ids) GROUP BY aggregate_identifier")
                .param("type", "io.ledger.api.payment." + type)
                .param("ids", payments)
                .query((rs, row) -> counts.put(rs.getString("aggregate_identifier"), rs.getInt("events")))
                .list();
        return counts;
    }
}
