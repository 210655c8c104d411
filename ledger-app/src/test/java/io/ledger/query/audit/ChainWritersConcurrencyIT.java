package io.ledger.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.Concurrently;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.WorkersIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Two chain writers on one database, as two nodes run them, while payments are being made: the chain they write
 * together holds every event once, in global index order, and verifies; each batch is written by one of them.
 */
@WorkersIntegrationTest
class ChainWritersConcurrencyIT {

    private static final int PAYMENTS = 120;

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void twoWritersChainEveryEventOnceWhileEventsArrive() throws Exception {
        ChainWriter one = new ChainWriter(jdbcTemplate, transactionManager);
        ChainWriter other = new ChainWriter(jdbcTemplate, transactionManager);
        // Whatever is stored already is chained first, so that the writers' counts are this test's events only.
        one.appendAvailable();
        long chainedBefore = chainRows();
        AtomicBoolean creating = new AtomicBoolean(true);
        AtomicInteger tickets = new AtomicInteger();
        LedgerApi api = new LedgerApi(client);
        Callable<Long> creator = () -> {
            while (tickets.getAndIncrement() < PAYMENTS) {
                LedgerApi.Answer created = api.post(
                        "/api/payments",
                        Map.of(
                                "amount", 2500,
                                "currency", "usd",
                                "customerId", "cus_chain",
                                "paymentMethod", "pm_card_visa",
                                "confirm", true));
                assertThat(created.status()).as("%s", created).isEqualTo(201);
            }
            return 0L;
        };
        Callable<Long> creators = () -> {
            try {
                Concurrently.run(Duration.ofMinutes(3), creator, creator, creator);
            } finally {
                creating.set(false);
            }
            return 0L;
        };

        List<Long> appended = Concurrently.run(
                Duration.ofMinutes(4), creators, untilCaughtUp(one, creating), untilCaughtUp(other, creating));

        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
        assertThat(chainRows()).isEqualTo(events);
        assertThat(appended.get(1) + appended.get(2)).isEqualTo(events - chainedBefore);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM domain_event_entry e"
                                        + " WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.global_index = e.global_index)")
                        .query(Long.class)
                        .single())
                .as("events missing from the chain")
                .isZero();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_chain c"
                                        + " WHERE NOT EXISTS (SELECT 1 FROM domain_event_entry e WHERE e.global_index = c.global_index)")
                        .query(Long.class)
                        .single())
                .as("chain rows without their event")
                .isZero();
        assertThat(jdbc.sql("SELECT events FROM audit_chain_head")
                        .query(Long.class)
                        .single())
                .isEqualTo(events);
        LedgerApi.Answer verified = api.get("/api/audit/verify", "readModels", "false");
        assertThat(verified.status()).as("%s", verified).isEqualTo(200);
        JsonNode report = verified.json();
        assertThat(report.get("chainValid").asBoolean()).as("%s", report).isTrue();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(events);
        System.out.printf(
                "two chain writers: %d and %d of %d events%n",
                appended.get(1), appended.get(2), events - chainedBefore);
    }

    /** Appends while events are being made, then until the chain's head is the last stored event. */
    private Callable<Long> untilCaughtUp(ChainWriter writer, AtomicBoolean creating) {
        return () -> {
            long total = 0;
            while (true) {
                boolean wasCreating = creating.get();
                total += writer.appendAvailable();
                if (!wasCreating && headIsLastEvent()) {
                    return total;
                }
                Thread.sleep(20);
            }
        };
    }

    private boolean headIsLastEvent() {
        return Boolean.TRUE.equals(jdbc.sql("SELECT (SELECT global_index FROM audit_chain_head)"
                        + " = (SELECT coalesce(max(global_index), 0) FROM domain_event_entry)")
                .query(Boolean.class)
                .single());
    }

    private long chainRows() {
        return jdbc.sql("SELECT count(*) FROM audit_chain").query(Long.class).single();
    }
}
