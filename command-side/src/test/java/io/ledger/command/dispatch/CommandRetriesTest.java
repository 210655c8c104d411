package io.ledger.command.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.distributed.CommandBusConnectorCommunicationException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CommandRetriesTest {

    private final CommandRetries retries =
            new CommandRetries(new CommandRetrySettings(3, Duration.ofMillis(1), Duration.ofMillis(5)));
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("a command");

    @AfterEach
    void close() {
        retries.close();
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aLostRaceIsRetriedAfterABackoff() throws InterruptedException {
        CountDownLatch dispatched = new CountDownLatch(1);

        boolean scheduled =
                retries.scheduleRetry(command, new ConcurrencyException("raced"), failures(1), dispatched::countDown);

        assertThat(scheduled).isTrue();
        assertThat(dispatched.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aLostNodeOrAFailedSendIsRetried() {
        assertThat(CommandRetries.curable(new CommandBusConnectorCommunicationException("node left")))
                .isTrue();
        assertThat(CommandRetries.curable(new CommandDispatchException("not sent", new IllegalStateException())))
                .isTrue();
        assertThat(CommandRetries.curable(new IllegalStateException("wrapped", new ConcurrencyException("raced"))))
                .isTrue();
    }

    @Test
    void aBrokenRuleOrAnyOtherFailureIsAnsweredAtOnce() {
        assertThat(retries.scheduleRetry(command, new IllegalArgumentException("a rule"), failures(1), () -> {}))
                .isFalse();
        assertThat(CommandRetries.curable(new HandlerExecutionException("failed", new IllegalStateException()) {}))
                .isFalse();
    }

    @Test
    void retriesStopAfterTheLastOne() {
        assertThat(retries.scheduleRetry(command, new ConcurrencyException("raced"), failures(3), () -> {}))
                .isTrue();
        assertThat(retries.scheduleRetry(command, new ConcurrencyException("raced"), failures(4), () -> {}))
                .isFalse();
    }

    @Test
    void anAttemptThatRanInTheCallersTransactionIsTheCallersToRetry() {
        TransactionSynchronizationManager.setActualTransactionActive(true);

        assertThat(retries.scheduleRetry(command, new ConcurrencyException("raced"), failures(1), () -> {}))
                .isFalse();
    }

    @Test
    void noRetriesWhenNoneAreConfigured() {
        try (CommandRetries none =
                new CommandRetries(new CommandRetrySettings(0, Duration.ofMillis(1), Duration.ofMillis(5)))) {
            assertThat(none.scheduleRetry(command, new ConcurrencyException("raced"), failures(1), () -> {}))
                    .isFalse();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
