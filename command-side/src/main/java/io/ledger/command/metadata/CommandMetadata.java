package io.ledger.command.metadata;

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
 * Who and what caused each event, recorded in its metadata: the correlation id (the HTTP request's
 * {@code X-Request-Id}), the causing message, the actor and the source ({@code api}, {@code webhook}, {@code janitor},
 * {@code replay}). Commands get them when dispatched; events copy them from their command.
 */
public final class CommandMetadata {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String ACTOR = "actor";
    public static final String SOURCE = "source";
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
            added.put(SOURCE, "api");
        }
        return added;
    }

    private static String currentActor() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                && web.getRequest().getUserPrincipal() != null) {
            return web.getRequest().getUserPrincipal().getName();
        }
        return "anonymous";
    }
}
