package io.ledger.app.logging;

import io.ledger.api.metadata.EventMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * While an event processor handles an event, the logging context names the request that caused it (the event's
 * correlation id) and its actor, as it did on the request's own thread: a projection's or a notifier's lines lead back
 * to the call. Whatever the context held before is put back afterwards (a subscribing processor runs on the request's
 * thread).
 */
final class EventLogContext implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        String requestId = MDC.get(LogContext.REQUEST_ID);
        String caller = MDC.get(LogContext.CALLER);
        replace(LogContext.REQUEST_ID, metadata.get(EventMetadata.CORRELATION_ID));
        replace(LogContext.CALLER, metadata.get(EventMetadata.ACTOR));
        try {
            return chain.proceed();
        } finally {
            replace(LogContext.REQUEST_ID, requestId);
            replace(LogContext.CALLER, caller);
        }
    }

    private static void replace(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value.toString());
        }
    }
}
