package io.ledger.command.metadata;

import static io.ledger.api.metadata.EventMetadata.ACTOR;
import static io.ledger.api.metadata.EventMetadata.CAUSATION_ID;
import static io.ledger.api.metadata.EventMetadata.CORRELATION_ID;
import static io.ledger.api.metadata.EventMetadata.SOURCE;

import io.ledger.api.metadata.EventMetadata;
import io.ledger.api.metadata.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who and what caused each event, recorded in its metadata ({@link EventMetadata}): the correlation id (the HTTP
 * request's {@code X-Request-Id}), the causing message, the actor and the {@link Source}. Commands get them when
 * dispatched (a dispatcher that is not the API sets its own source and actor); events copy them from their command.
 */
public final class CommandMetadata {

    /** The logging context key under which the web layer keeps the request id. */
    public static final String REQUEST_ID_MDC_KEY = "requestId";

    private CommandMetadata() {}

    /** Copies the four keys from a command onto every event it causes. */
    public static CorrelationDataProvider correlationDataProvider() {
        return new SimpleCorrelationDataProvider(CORRELATION_ID, CAUSATION_ID, ACTOR, SOURCE);
    }

    /** Fills in what the dispatcher did not set itself. */
    public static MessageDispatchInterceptor<CommandMessage<?>> defaults() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(missing(command));
            }
        };
    }

    private static Map<String, Object> missing(CommandMessage<?> command) {
        Map<String, ?> present = command.getMetaData();
        Map<String, Object> added = new HashMap<>();
        if (!present.containsKey(CORRELATION_ID)) {
            String requestId = MDC.get(REQUEST_ID_MDC_KEY);
            added.put(
                    CORRELATION_ID,
                    requestId != null ? requestId : UUID.randomUUID().toString());
        }
        if (!present.containsKey(CAUSATION_ID)) {
            added.put(CAUSATION_ID, command.getIdentifier());
        }
        if (!present.containsKey(ACTOR)) {
            added.put(ACTOR, currentActor());
        }
        if (!present.containsKey(SOURCE)) {
            added.put(SOURCE, Source.API.wire());
        }
        return added;
    }

    private static String currentActor() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                && web.getRequest().getUserPrincipal() != null) {
            return web.getRequest().getUserPrincipal().getName();
        }
        return EventMetadata.Actors.ANONYMOUS;
    }
}
