package io.ledger.command.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.payment.CancelPaymentCommand;
import io.ledger.app.support.Concurrently;
import io.ledger.app.support.CountingCommands;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.WorkersIntegrationTest;
import io.ledger.command.payment.PaymentResources;
import io.ledger.command.provider.HostedCheckout;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Two expiry workers on one database, as two nodes run them: every session whose time is up is expired by exactly one
 * of them, once, and its payment canceled once.
 */
@WorkersIntegrationTest
class CheckoutExpiryConcurrencyIT {

    private static final int SESSIONS = 40;

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Autowired
    CheckoutSessions sessions;

    @Autowired
    HostedCheckout hosted;

    @Autowired
    PaymentResources payments;

    @Test
    void twoWorkersExpireEverySessionOnceBetweenThem() throws Exception {
        List<String> paymentIds = openSessions(SESSIONS);
        int due = jdbc.sql("UPDATE checkout_session SET expires_at = now() - interval '1 second'"
                        + " WHERE payment_id IN (:ids)")
                .param("ids", paymentIds)
                .update();
        assertThat(due).isEqualTo(SESSIONS);
        CountingCommands first = counting();
        CountingCommands second = counting();

        List<Integer> claimed =
                Concurrently.run(Duration.ofMinutes(2), untilNoneDue(job(first)), untilNoneDue(job(second)));

        assertThat(claimed.get(0) + claimed.get(1)).isEqualTo(SESSIONS);
        Map<String, Integer> sent = CountingCommands.together(first, second);
        assertThat(sent).as("cancellations sent per payment").containsOnlyKeys(paymentIds);
        assertThat(sent.values()).containsOnly(1);
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN (:ids)"
                                + " AND payload_type LIKE '%.PaymentCanceled'")
                        .param("ids", paymentIds)
                        .query(Long.class)
                        .single())
                .isEqualTo(SESSIONS);
        assertThat(jdbc.sql("SELECT count(*) FROM checkout_session WHERE payment_id IN (:ids) AND status = 'expired'"
                                + " AND lease_until IS NULL")
                        .param("ids", paymentIds)
                        .query(Long.class)
                        .single())
                .isEqualTo(SESSIONS);
        System.out.printf(
                "two checkout expiry workers: %d and %d of %d sessions%n", claimed.get(0), claimed.get(1), SESSIONS);
    }

    private Callable<Integer> untilNoneDue(CheckoutExpiryJob job) {
        return () -> {
            int total = 0;
            int done;
            do {
                done = job.expireDue();
                total += done;
            } while (done > 0);
            return total;
        };
    }

    private CheckoutExpiryJob job(CountingCommands counted) {
        return new CheckoutExpiryJob(
                sessions, hosted, payments, counted.gateway(), Clock.systemUTC(), Duration.ofSeconds(30));
    }

    private CountingCommands counting() {
        return new CountingCommands(
                commands,
                command -> ((CancelPaymentCommand) command).paymentId().value());
    }

    private List<String> openSessions(int count) {
        LedgerApi api = new LedgerApi(client);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LedgerApi.Answer created = api.post(
                    "/api/checkout/sessions",
                    Map.of(
                            "amount", 900 + i,
                            "currency", "eur",
                            "customerId", "cus_expiry",
                            "successUrl", "https://shop.example/thanks"));
            assertThat(created.status()).as("%s", created).isEqualTo(201);
            ids.add(created.json().get("paymentId").asString());
        }
        return ids;
    }
}
