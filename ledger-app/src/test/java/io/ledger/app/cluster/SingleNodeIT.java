package io.ledger.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledger.app.support.LedgerApi;
import io.ledger.app.support.LedgerIntegrationTest;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.distributed.RoutingStrategy;
import org.jgroups.JChannel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Without the cluster's addresses a ledger is one node, as ever: Axon's local bus, and nothing of JGroups. */
@LedgerIntegrationTest
class SingleNodeIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    RestTestClient client;

    @Test
    void commandsRunOnAxonsLocalBusAndNoChannelExists() {
        assertThat(context.getBean(CommandBus.class)).isExactlyInstanceOf(SimpleCommandBus.class);
        assertThat(context.getBeanNamesForType(JChannel.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RoutingStrategy.class)).isEmpty();
        assertThat(context.getBean(ClusterSettings.class).clustered()).isFalse();
        assertThat(new LedgerApi(client)
                        .post(
                                "/api/payments",
                                Map.of("amount", 1000, "currency", "usd", "customerId", "cus_alone"),
                                "Idempotency-Key",
                                LedgerApi.newIdempotencyKey())
                        .status())
                .isEqualTo(201);
    }
}
