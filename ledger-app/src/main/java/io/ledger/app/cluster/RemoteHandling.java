package io.ledger.app.cluster;

import io.ledger.api.problem.LedgerProblem;
import io.ledger.api.problem.ServiceUnavailable;
import io.ledger.app.web.ProblemAdvice;
import java.util.Optional;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's command bus as its peers reach it: commands another node dispatched run here as any other, in a unit of
 * work and transaction of their own, and a failure is replied with what the dispatching node needs to answer its
 * request the same way ({@link RemoteFailure}, as a {@link CommandExecutionException}'s details). A failure no request
 * answers for (a bug, say) is logged here in full, where its stack trace is: the other node only hears its class names
 * and messages, and answers 500.
 */
final class RemoteHandling implements CommandBus {

    private static final Logger log = LoggerFactory.getLogger(RemoteHandling.class);

    private final CommandBus localSegment;

    RemoteHandling(CommandBus localSegment) {
        this.localSegment = localSegment;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        localSegment.dispatch(command);
    }

    @Override
    public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
        localSegment.dispatch(command, (CommandCallback<C, R>)
                (message, result) -> callback.onResult(message, described(message, result)));
    }

    private static <R> CommandResultMessage<? extends R> described(
            CommandMessage<?> command, CommandResultMessage<? extends R> result) {
        if (!result.isExceptional()) {
            return result;
        }
        Throwable failure = result.exceptionResult();
        Optional<RemoteFailure> described = describe(failure);
        if (described.isEmpty()) {
            log.error(
                    "{} dispatched by another node failed here; that node answers 500",
                    command.getPayloadType().getSimpleName(),
                    failure);
            return result;
        }
        return new GenericCommandResultMessage<>(
                new CommandExecutionException(failure.getMessage(), failure, described.get()), result.getMetaData());
    }

    /** As {@link ProblemAdvice} reads a failure: a rule's exception, else the database's failure, else Axon's own. */
    static Optional<RemoteFailure> describe(Throwable failure) {
        Throwable unwrapped = ProblemAdvice.unwrapped(failure);
        if (unwrapped instanceof LedgerProblem problem) {
            return Optional.of(RemoteFailure.of(problem));
        }
        Optional<ServiceUnavailable> database = ProblemAdvice.databaseFailure(failure);
        if (database.isPresent()) {
            return database.map(RemoteFailure::of);
        }
        if (unwrapped instanceof AggregateNotFoundException notFound) {
            return Optional.of(RemoteFailure.notFound(notFound));
        }
        if (unwrapped instanceof ConcurrencyException raced) {
            return Optional.of(RemoteFailure.concurrentUpdate(raced));
        }
        return Optional.empty();
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return localSegment.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return localSegment.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
        return localSegment.registerDispatchInterceptor(interceptor);
    }
}
