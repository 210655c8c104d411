package io.ledger.command.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.RecordProcessingSucceededCommand;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulated provider completes its own charges, and its events say so; the completion names its attempt, and the
 * row goes only under the claim it was taken with (SimulatedCompletionsConcurrencyIT runs two jobs on one database).
 */
class SimulatedAsyncChargeJobTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant LEASE_END = NOW.plusSeconds(30);

    private final PaymentId payment = PaymentId.newId();
    private final JdbcClient jdbc = mock(JdbcClient.class);
    private final JdbcClient.StatementSpec delete = mock(JdbcClient.StatementSpec.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final SimulatedAsyncChargeJob job =
            new SimulatedAsyncChargeJob(jdbc, commands, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));

    @BeforeEach
    @SuppressWarnings("unchecked")
    void oneDueCharge() {
        JdbcClient.StatementSpec claim = mock(JdbcClient.StatementSpec.class);
        JdbcClient.MappedQuerySpec<SimulatedAsyncChargeJob.Claim> claimed = mock(JdbcClient.MappedQuerySpec.class);
        when(jdbc.sql(startsWith("UPDATE"))).thenReturn(claim);
        when(claim.params(Timestamp.from(LEASE_END), Timestamp.from(NOW), SimulatedAsyncChargeJob.BATCH))
                .thenReturn(claim);
        when(claim.query(any(RowMapper.class))).thenReturn(claimed);
        when(claimed.list()).thenReturn(List.of(new SimulatedAsyncChargeJob.Claim(payment.value(), 2, LEASE_END)));
        when(jdbc.sql(startsWith("DELETE"))).thenReturn(delete);
        when(delete.params(payment.value(), Timestamp.from(LEASE_END))).thenReturn(delete);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDueChargeSucceedsAsReportedByTheSimulatedProviderForItsAttempt() {
        assertThat(job.completeDueCharges()).isOne();

        ArgumentCaptor<CommandMessage<RecordProcessingSucceededCommand>> sent =
                ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload()).isEqualTo(new RecordProcessingSucceededCommand(payment, 2));
        assertThat(sent.getValue().getMetaData())
                .containsEntry("source", "simulation")
                .containsEntry("actor", "simulated-provider");
        verify(delete).update();
    }

    @Test
    void aFailedCompletionLeavesItsRowForWhenTheLeaseEnds() {
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("node gone"));

        job.completeDueCharges();

        verify(jdbc, never()).sql(startsWith("DELETE"));
        verify(delete, never()).params(anyString(), any());
    }
}
