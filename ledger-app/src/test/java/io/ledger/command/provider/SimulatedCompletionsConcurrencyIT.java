package io.ledger.command.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.payment.RecordProcessingSucceededCommand;
import io.ledger.app.support.Concurrently;
import io.ledger.app.support.CountingCommands;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.WorkersIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Two completion jobs of the simulated provider on one database, as two nodes run them: every due charge is completed
 * by exactly one of them, once, without either waiting for the other, and a completion that arrives after its attempt
 * ended records nothing.
 */
@WorkersIntegrationTest
class SimulatedCompletionsConcurrencyIT {

    private static final int PAYMENTS = 150;
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    CommandGateway commands;

    @Test
    void twoJobsCompleteEveryDueChargeOnceBetweenThem() throws Exception {
        List<String> payments = processingPayments(PAYMENTS);
        makeDue(payments);
        CountingCommands first = counting();
        CountingCommands second = counting();
        SimulatedAsyncChargeJob one = job(first);
        SimulatedAsyncChargeJob other = job(second);

        List<Integer> completed = Concurrently.run(Duration.ofMinutes(2), untilNoneDue(one), untilNoneDue(other));

        Map<String, Integer> sent = CountingCommands.together(first, second);
        assertThat(sent).as("completions sent per payment").hasSize(PAYMENTS);
        assertThat(sent.values()).as("completions sent per payment").containsOnly(1);
        assertThat(completed.get(0) + completed.get(1)).isEqualTo(PAYMENTS);
        assertThat(succeededEventsOf(payments))
                .containsOnlyKeys(payments)
                .allSatisfy((id, count) -> assertThat(count).isOne());
        assertThat(rowsOf(payments)).isZero();
        System.out.printf(
                "two simulated completion jobs: %d and %d of %d charges%n",
                completed.get(0), completed.get(1), PAYMENTS);
    }

    @Test
    void aJobTakesTheChargesAnotherInstanceIsClaimingWithoutWaitingForIt() throws Exception {
        List<String> payments = processingPayments(20);
        makeDue(payments);
        List<String> held = payments.subList(0, 5);
        CountingCommands counted = counting();
        SimulatedAsyncChargeJob job = job(counted);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lock(other, held);

            long started = System.nanoTime();
            int done = job.completeDueCharges();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(done).isEqualTo(15);
            assertThat(counted.counts()).doesNotContainKeys(held.toArray(String[]::new));
            other.rollback();
        }
        assertThat(job.completeDueCharges()).isEqualTo(5);
        assertThat(counted.counts()).containsOnlyKeys(payments);
        assertThat(rowsOf(payments)).isZero();
    }

    @Test
    void aCompletionClaimedBeforeThePaymentFailedRecordsNothing() {
        String payment = processingPayments(1).get(0);
        makeDue(List.of(payment));
        CountingCommands counted = counting();
        SimulatedAsyncChargeJob job = job(counted);
        List<SimulatedAsyncChargeJob.Claim> claimed = job.claimDue();
        assertThat(claimed).extracting(SimulatedAsyncChargeJob.Claim::paymentId).containsExactly(payment);

        // Another node fails the payment while this one holds the claim (no lock: the failure does not wait).
        LedgerApi.Answer failed = new LedgerApi(client)
                .post(
                        "/api/payments/" + payment + "/fail",
                        Map.of("code", "payment_failed", "message", "The bank rejected the debit."));
        assertThat(failed.status()).as("%s", failed).isEqualTo(200);
        job.complete(claimed.get(0));

        assertThat(counted.counts()).containsEntry(payment, 1);
        assertThat(succeededEventsOf(List.of(payment))).isEmpty();
        assertThat(jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " ORDER BY sequence_number DESC LIMIT 1")
                        .param(payment)
                        .query(String.class)
                        .single())
                .endsWith("PaymentFailed");
        assertThat(rowsOf(List.of(payment))).isZero();
    }

    private Callable<Integer> untilNoneDue(SimulatedAsyncChargeJob job) {
        return () -> {
            int total = 0;
            int done;
            do {
                done = job.completeDueCharges();
                total += done;
            } while (done > 0);
            return total;
        };
    }

    private SimulatedAsyncChargeJob job(CountingCommands counted) {
        return new SimulatedAsyncChargeJob(jdbc, counted.gateway(), Clock.systemUTC(), LEASE);
    }

    private CountingCommands counting() {
        return new CountingCommands(
                commands,
                command ->
                        ((RecordProcessingSucceededCommand) command).paymentId().value());
    }

    /** Payments confirmed with the asynchronous method, created by four clients at once. */
    private List<String> processingPayments(int count) {
        LedgerApi api = new LedgerApi(client);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger tickets = new AtomicInteger();
        try {
            Callable<Void> creator = () -> {
                while (tickets.getAndIncrement() < count) {
                    LedgerApi.Answer created = api.post(
                            "/api/payments",
                            Map.of(
                                    "amount", 1500,
                                    "currency", "usd",
                                    "customerId", "cus_workers",
                                    "paymentMethod", "pm_card_processing",
                                    "confirm", true));
                    assertThat(created.status()).as("%s", created).isEqualTo(201);
                    assertThat(created.json().get("status").asString()).isEqualTo("processing");
                    ids.add(created.json().get("id").asString());
                }
                return null;
            };
            Concurrently.run(Duration.ofMinutes(2), creator, creator, creator, creator);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(ids);
    }

    private void makeDue(List<String> payments) {
        int due = jdbc.sql("UPDATE simulated_async_charge SET due_at = now() - interval '1 second'"
                        + " WHERE payment_id IN (:ids)")
                .param("ids", payments)
                .update();
        assertThat(due).isEqualTo(payments.size());
    }

    private static void lock(Connection connection, List<String> payments) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT payment_id FROM simulated_async_charge WHERE payment_id = ANY (?) FOR UPDATE")) {
            lock.setArray(1, connection.createArrayOf("varchar", payments.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                int locked = 0;
                while (rows.next()) {
                    locked++;
                }
                assertThat(locked).isEqualTo(payments.size());
            }
        }
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

    private long rowsOf(List<String> payments) {
        return jdbc.sql("SELECT count(*) FROM simulated_async_charge WHERE payment_id IN (:ids)")
                .param("ids", payments)
                .query(Long.class)
                .single();
    }
}
