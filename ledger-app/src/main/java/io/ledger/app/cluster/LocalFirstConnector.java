package io.ledger.app.cluster;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.distributed.CommandBusConnector;
import org.axonframework.commandhandling.distributed.Member;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.jgroups.Address;
import org.jgroups.JChannel;

/**
 * Sends each command to the node the routing chose. When that is this node, the command runs right here, on the
 * sending thread, as on a single node: it joins the caller's transaction (a request with an Idempotency-Key stores its
 * answer with the command's events; the inbox worker marks its row with them) and {@code CommandEvents} sees its
 * events. JGroups' own connector would send it through the channel to itself and run it on another thread, in a
 * transaction of its own. When another node owns the payment, the command goes there through JGroups, and a failure
 * the other node described ({@link RemoteFailure}) becomes the exception the command would have failed with here.
 */
final class LocalFirstConnector implements CommandBusConnector {

    private final CommandBusConnector peers;
    private final CommandBus localSegment;
    private final JChannel channel;

    LocalFirstConnector(CommandBusConnector peers, CommandBus localSegment, JChannel channel) {
        this.peers = peers;
        this.localSegment = localSegment;
        this.channel = channel;
    }

    /**
     * Whether the member is this node. Not {@link Member#local()}: JGroups' connector replaces its own member with the
     * one its own membership broadcast describes, which it marks as not local.
     */
    boolean isThisNode(Member member) {
        return member.getConnectionEndpoint(Address.class)
                .map(address -> address.equals(channel.getAddress()))
                .orElse(false);
    }

    @Override
    public <C> void send(Member destination, CommandMessage<? extends C> command) throws Exception {
        if (isThisNode(destination)) {
            localSegment.dispatch(command);
        } else {
            peers.send(destination, command);
        }
    }

    @Override
    public <C, R> void send(Member destination, CommandMessage<C> command, CommandCallback<? super C, R> callback)
            throws Exception {
        if (isThisNode(destination)) {
            localSegment.dispatch(command, callback);
        } else {
            peers.send(destination, command, (CommandCallback<C, R>)
                    (message, result) -> callback.onResult(message, asIfHandledHere(result)));
        }
    }

    private static <R> CommandResultMessage<? extends R> asIfHandledHere(CommandResultMessage<? extends R> result) {
        if (result.isExceptional()
                && result.exceptionResult() instanceof CommandExecutionException remote
                && remote.getDetails().orElse(null) instanceof RemoteFailure failure) {
            return new GenericCommandResultMessage<>(failure.toException(), result.getMetaData());
        }
        return result;
    }

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return peers.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
        return peers.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Optional<CommandBus> localSegment() {
        return Optional.of(localSegment);
    }

    @Override
    public CompletableFuture<Void> initiateShutdown() {
        return peers.initiateShutdown();
    }
}
