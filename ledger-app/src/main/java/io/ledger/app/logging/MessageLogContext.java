package io.ledger.app.logging;

import io.ledger.api.metadata.EventMetadata;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

/**
 * While an event processor handles an event, or a command is handled, the logging context names the request that caused
 * it (the message's correlation id) and its actor, as it did on the request's own thread: a projection's, a notifier's
 * or another node's lines lead back to the call (a command dispatched by another node runs on a thread of JGroups'
 * connector here, a retried one on a retry thread). Whatever the context held before is put back afterwards (a
 * subscribing processor, and a command handled on this node, run on the request's thread).
 */
final class MessageLogContext implements MessageHandlerInterceptor<Message<?>> {

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
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
