package io.ledger.app.simulation;

import static io.ledger.app.support.LedgerApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.api.id.PaymentId;
import io.ledger.api.money.Money;
import io.ledger.api.payment.ImportPaymentCommand;
import io.ledger.api.payment.Provider;
import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerDb;
import io.ledger.app.support.StripeWebhookIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** With Stripe as the provider, Stripe alone says what happens to a payment: no simulation is there. */
@StripeWebhookIntegrationTest
class SimulationWithStripeIT {

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    @Test
    void theSimulationIsNotThere() {
        LedgerApi api = new LedgerApi(client);
        PaymentId id = PaymentId.newId();
        commands.sendAndWait(new ImportPaymentCommand(
                id,
                Money.of(1000, "usd"),
                "cus_" + UUID.randomUUID(),
                null,
                null,
                null,
                Provider.STRIPE,
                "pi_" + UUID.randomUUID().toString().replace("-", ""),
                null));

        assertProblem(
                api.post("/api/payments/" + id.value() + "/simulate", Map.of("outcome", "succeed")), 404, "not_found");
        assertThat(new LedgerDb(jdbc).eventsOf(id.value()))
                .extracting(LedgerDb.StoredEvent::type)
                .containsExactly("PaymentCreated");
        assertThat(api.get("/v3/api-docs").json().at("/paths").has("/api/payments/{id}/simulate"))
                .isFalse();
    }
}
