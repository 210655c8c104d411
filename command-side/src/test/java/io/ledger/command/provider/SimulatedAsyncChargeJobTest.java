package io.ledger.command.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ledger.api.id.PaymentId;
import io.ledger.api.payment.RecordPaymentSucceededCommand;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** The simulated provider completes its own charges, and its events say so. */
class SimulatedAsyncChargeJobTest {

    private final PaymentId payment = PaymentId.newId();
    private final JdbcClient jdbc = mock(JdbcClient.class);
    private final TransactionTemplate transaction = mock(TransactionTemplate.class);
    private final CommandGateway commands = mock(CommandGateway.class);

    @Test
    @SuppressWarnings("unchecked")
    void aDueChargeSucceedsAsReportedByTheSimulatedProvider() {
        JdbcClient.StatementSpec select = mock(JdbcClient.StatementSpec.class);
        JdbcClient.MappedQuerySpec<String> due = mock(JdbcClient.MappedQuerySpec.class);
        when(jdbc.sql(startsWith("SELECT"))).thenReturn(select);
        when(select.query(String.class)).thenReturn(due);
        when(due.list()).thenReturn(List.of(payment.value()));
        JdbcClient.StatementSpec delete = mock(JdbcClient.StatementSpec.class);
        when(jdbc.sql(startsWith("DELETE"))).thenReturn(delete);
        when(delete.param(payment.value())).thenReturn(delete);
        when(delete.update()).thenReturn(1);
        doAnswer(call -> {
                    Consumer<TransactionStatus> work = call.getArgument(0);
                    work.accept(null);
                    return null;
                })
                .when(transaction)
                .executeWithoutResult(any());

        new SimulatedAsyncChargeJob(jdbc, transaction, commands).completeDueCharges();

        ArgumentCaptor<CommandMessage<RecordPaymentSucceededCommand>> sent =
                ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().paymentId()).isEqualTo(payment);
        assertThat(sent.getValue().getMetaData())
                .containsEntry("source", "simulation")
                .containsEntry("actor", "simulated-provider");
    }
}
