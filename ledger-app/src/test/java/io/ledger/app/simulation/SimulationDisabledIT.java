package io.ledger.app.simulation;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.LedgerApplication;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerApi.Answer;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.LedgerTestHooks;
import io.ledger.app.support.TestDatabaseContainer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code LEDGER_SIMULATE_ENABLED=false}: the simulated provider runs, but no simulation is there. Its own application
 * context, closed after the class.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.simulate.enabled=false")
@AutoConfigureRestTestClient
@Import({TestDatabaseContainer.class, LedgerTestHooks.class})
@DirtiesContext
class SimulationDisabledIT {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSimulationIsNotThereAndThePaymentIsLeftAsItWas() {
        LedgerApi api = new LedgerApi(client);
        Answer created = api.post(
                "/api/payments", Map.of("amount", 1000, "currency", "usd", "customerId", "cus_" + UUID.randomUUID()));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().get("id").asString();

        Answer simulated = api.post("/api/payments/" + id + "/simulate", Map.of("outcome", "succeed"));
        Answer malformed = api.post("/api/payments/" + id + "/simulate", Map.of("outcome", "explode"));

        assertProblem(simulated, 404, "not_found");
        assertProblem(malformed, 404, "not_found");
        assertThat(new LedgerDb(jdbc).eventsOf(id))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated");
        assertThat(api.get("/v3/api-docs").json().at("/paths").has("/api/payments/{id}/simulate"))
                .isFalse();
    }
}
